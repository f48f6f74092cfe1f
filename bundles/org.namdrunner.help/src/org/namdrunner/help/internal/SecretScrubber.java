package org.namdrunner.help.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of a text before a person sends it anywhere: every value NAMDRunner saved (passwords and
 * passphrases from secure storage) wherever it appears, and whatever looks like a secret by its form — private
 * key blocks, {@code password=…}/{@code token: …} pairs, TOTP {@code otpauth://} links, passwords in URLs, bearer
 * tokens and common API key shapes.
 */
public final class SecretScrubber {

    public static final String REMOVED = "[removed]";

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(-----END \\1PRIVATE KEY-----|\\z)", Pattern.DOTALL);
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)\\b([a-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|totp|otp|credential)s?)"
                    + "(\\s*[=:]\\s*|\\s+is\\s+)(\"[^\"]*\"|'[^']*'|\\S+)");
    private static final Pattern OTPAUTH = Pattern.compile("(?i)otpauth://\\S+");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+):[^@\\s/]+@");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "\\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+)\\b");

    private final List<String> known;

    /** @param knownSecrets values to remove wherever they appear (shorter than 4 characters are ignored: too many false hits) */
    public SecretScrubber(Collection<String> knownSecrets) {
        List<String> k = new ArrayList<>();
        for (String s : knownSecrets) {
            if (s != null && s.length() >= 4) {
                k.add(s);
            }
        }
        k.sort(Comparator.comparingInt(String::length).reversed());
        this.known = List.copyOf(k);
    }

    public String scrub(String text) {
        String t = text;
        for (String secret : known) {
            t = t.replace(secret, REMOVED);
        }
        t = PRIVATE_KEY.matcher(t).replaceAll(Matcher.quoteReplacement("[private key removed]"));
        t = OTPAUTH.matcher(t).replaceAll(REMOVED);
        t = URL_PASSWORD.matcher(t).replaceAll("$1:" + Matcher.quoteReplacement(REMOVED) + "@");
        t = BEARER.matcher(t).replaceAll("$1 " + Matcher.quoteReplacement(REMOVED));
        t = NAMED_SECRET.matcher(t).replaceAll("$1$2" + Matcher.quoteReplacement(REMOVED));
        t = KEY_SHAPES.matcher(t).replaceAll(REMOVED);
        return t;
    }
}
