package org.namdrunner.slurm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The user's fair-share from {@value #COMMAND} (run through the profile's login shell like every SLURM command), read
 * by the header's column names so that a SLURM with other columns still reads: one {@link Share} per account of the
 * user. A cluster without multifactor priority prints no NormShares and a FairShare of 0; that is reported as "not
 * computed", not as a fair-share of zero.
 */
public final class FairShare {

    public static final String COMMAND = "sshare -U -l --parsable2";

    /**
     * One association of the user.
     *
     * @param account   the account, e.g. {@code ucb-general}
     * @param fairShare SLURM's FairShare factor, 0 to 1 (1: nothing used yet; 0.5: used exactly the share), null when the
     *                  cluster does not compute it
     * @param levelFs   LevelFS (above 1: used less than the share), null when not printed
     * @param rawUsage  decayed usage in CPU-seconds, null when not printed
     */
    public record Share(String account, Double fairShare, Double levelFs, Long rawUsage) {

        /** In words for the Test connection report. */
        public String describe() {
            if (fairShare == null) {
                return account + ": the cluster does not compute fair-share (no multifactor priority)";
            }
            String standing = fairShare >= 0.5 ? "within your share: your jobs keep their priority"
                    : "above your share: your pending jobs get a lower priority until the usage decays";
            return account + ": fair-share " + String.format(Locale.ROOT, "%.3f", fairShare) + " (" + standing + ")"
                    + (rawUsage == null ? "" : ", recent usage " + rawUsage / 3600 + " core-hours");
        }
    }

    private FairShare() {
    }

    /** The user's rows; problems (a header without Account or FairShare, unreadable numbers) go to {@code problems}. */
    public static List<Share> parse(String stdout, List<String> problems) {
        List<Share> out = new ArrayList<>();
        String[] lines = OutputRow.linesOf(stdout);
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Account|")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            problems.add("sshare printed no header line starting with 'Account|'.");
            return out;
        }
        List<String> names = List.of(lines[header].strip().split("\\|", -1));
        int account = names.indexOf("Account");
        int user = names.indexOf("User");
        int fair = names.indexOf("FairShare");
        int norm = names.indexOf("NormShares");
        int level = names.indexOf("LevelFS");
        int raw = names.indexOf("RawUsage");
        if (fair < 0) {
            problems.add("sshare printed no FairShare column.");
            return out;
        }
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\\|", -1);
            if (f.length < names.size()) {
                problems.add("sshare line " + (i + 1) + " was skipped: expected " + names.size() + " fields: '" + SlurmValues.shortened(lines[i]) + "'.");
                continue;
            }
            if (user >= 0 && f[user].isBlank()) {
                continue;   // an account's own row, not the user's association
            }
            try {
                boolean computed = norm < 0 || !f[norm].isBlank();
                out.add(new Share(f[account].strip(), computed ? number(f[fair]) : null, level < 0 ? null : number(f[level]),
                        raw < 0 || f[raw].isBlank() ? null : Long.parseLong(f[raw].strip())));
            } catch (NumberFormatException e) {
                problems.add("sshare line " + (i + 1) + " was skipped: a number cannot be read: '" + SlurmValues.shortened(lines[i]) + "'.");
            }
        }
        return out;
    }

    private static Double number(String text) {
        String t = text.strip();
        return t.isEmpty() || t.equals("inf") ? null : Double.valueOf(t);
    }
}
