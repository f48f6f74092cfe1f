package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfileList;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.JobTypeList;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.JobService;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.testing.TestCluster;

/**
 * Hostile names and paths — shell metacharacters, spaces, {@code ..}, absolute paths, line breaks, NUL, 10,000
 * characters, Unicode look-alikes (U+2215, U+FF0E, U+0430, ...), the right-to-left override and a zero-width space —
 * pushed through {@link JobService#create} against the real cluster as job names, input file names (real local files),
 * job-type parameters and the relative paths a job type writes, and through the cluster profile (job roots, command
 * prefix, module lines) and the resources (partition, QoS, account). Each must be refused with an
 * {@link InvalidInputException} whose message names the problem. Afterwards, checked over SSH with {@code find}:
 * nothing was created in the projects or scratch root (every payload carries a token to look for, and the ones that
 * would run a command would create a file {@code pwned_<token>}), and nothing was stored. A valid job created the
 * same way at the end shows that both checks do see what create makes.
 */
class HostileInputTest {

    /** One hostile value: what it is, how it is tried, and the words its refusal must contain. */
    private record Case(String what, Attempt attempt, String expected, String field, String shown) {
        Case(String what, Attempt attempt, String expected) {
            this(what, attempt, expected, null, null);
        }
    }

    @FunctionalInterface
    private interface Attempt {
        void run() throws Exception;
    }

    @Test
    void everyHostileNameAndPathIsRefusedSayingWhyAndNothingIsCreatedRemotelyOrStored() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-hostile");
        TestCluster cluster = TestCluster.load();
        String token = "zq" + Long.toString(System.currentTimeMillis(), 36);
        String run = "hostile-" + token;
        ClusterProfile profile = cluster.profile("testcluster");
        try (Harness h = new Harness(cluster, profile, local.resolve("jobs.db"), Duration.ofMinutes(10))) {
            List<String> before = remoteFiles(h, profile);
            ClusterConnectionProvider provider = new ClusterConnectionProvider() {
                @Override
                public ClusterConnection connectionFor(ClusterProfile p) {
                    return h.connection;
                }

                @Override
                public void closeAll() {
                }
            };
            // the real NAMD type, plus a type that writes one extra file at a path taken from a parameter, the way a
            // contributed job type might
            JobService service = new JobService(h.store, new SlurmScheduler(), provider,
                    new JobTypeList(List.of(new StandinNamdJobType(), new ExtraFileJobType())), new ClusterProfileList(List.of(profile)),
                    SyncSettings.defaults(), Clock.systemUTC());
            Map<String, Path> inputs = TestJobs.inputs(local.resolve("inputs"));
            Resources resources = TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "");
            String pwn = "touch pwned_" + token;

            List<Case> cases = new ArrayList<>();
            // ---- job names
            Map<String, String> names = new LinkedHashMap<>();
            names.put("j;" + pwn, "';'");
            names.put("j|" + pwn, "'|'");
            names.put("j&" + pwn, "'&'");
            names.put("j$(" + pwn + ")", "'$'");
            names.put("j`" + pwn + "`", "'`'");
            names.put("j>pwned_" + token, "'>'");
            names.put("j<pwned_" + token, "'<'");
            names.put("j*" + token, "'*'");
            names.put("j?" + token, "'?'");
            names.put("j\"" + token, "'\"'");
            names.put("j'" + token, "'''");
            names.put("j(" + token, "'('");
            names.put("j)" + token, "')'");
            names.put("j{a,b}" + token, "'{'");
            names.put("j[1]" + token, "'['");
            names.put("~" + token, "'~'");
            names.put("j!" + token, "'!'");
            names.put("j#" + token, "'#'");
            names.put("j%" + token, "'%'");
            names.put("j=" + token, "'='");
            names.put("j:" + token, "':'");
            names.put("j@" + token, "'@'");
            names.put("j^" + token, "'^'");
            names.put("j " + token, "a space");
            names.put("j\t" + token, "U+0009");
            names.put("j\n" + pwn, "a line break");
            names.put("j\r" + token, "a line break");
            names.put("j\0" + token, "a NUL character");
            names.put("j\u001b[31m" + token, "U+001B");
            names.put("j\u0085" + token, "U+0085");
            names.put("..", "must start with a letter or digit");
            names.put(".", "must start with a letter or digit");
            names.put("." + token, "must start with a letter or digit");
            names.put("-rf" + token, "must start with a letter or digit");
            names.put("../../" + token, "path separator");
            names.put("/etc/" + token, "path separator");
            names.put("j\\" + token, "path separator");
            names.put("x".repeat(10_000), "10000 characters long");
            names.put("a".repeat(65), "65 characters long");
            names.put("", "is empty");
            names.put("   ", "is empty");
            names.put("j\u2215" + token, "U+2215");
            names.put("\uff0e\uff0e" + token, "U+FF0E");
            names.put("\u0430" + token, "U+0430");
            names.put("j\u202egpj." + token, "U+202E");
            names.put("j\u200b" + token, "U+200B");
            names.put("j\u00a0" + token, "U+00A0");
            names.put("j\uff1b" + token, "U+FF1B");
            names.put("j\u037e" + token, "U+037E");
            names.put("\uff2a" + token, "U+FF2A");
            names.put("j\ud83d\ude80" + token, "U+1F680");
            names.forEach((name, expected) -> cases.add(new Case("job name '" + visible(name) + "'",
                    () -> service.create(TestJobs.request(name, inputs, resources, 100, "out"), new NullProgressMonitor()), expected)));

            // ---- input file names: real local files with hostile names (the file system allows all but '/' and NUL)
            Map<String, String> files = new LinkedHashMap<>();
            files.put("a;" + pwn + ".psf", "';'");
            files.put("$(" + pwn + ").psf", "'$'");
            files.put("`" + pwn + "`.psf", "'`'");
            files.put("a b" + token + ".psf", "a space");
            files.put("a|" + token + ".psf", "'|'");
            files.put("a&" + token + ".psf", "'&'");
            files.put("a'" + token + ".psf", "'''");
            files.put("a\n" + token + ".psf", "a line break");
            files.put(".." + token + ".psf", "must start with a letter or digit");
            files.put("-" + token + ".psf", "must start with a letter or digit");
            files.put("a\u202e" + token + "fsp.psf", "U+202E");
            files.put("a\u200b" + token + ".psf", "U+200B");
            files.put("\u0430" + token + ".psf", "U+0430");
            files.put("a\u2215" + token + ".psf", "U+2215");
            files.put("p".repeat(200) + token + ".psf", "characters long");
            Path hostileDir = Files.createDirectories(local.resolve("hostile-files"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = Files.writeString(hostileDir.resolve(f.getKey()), "PSF\n");
                Map<String, Path> in = new LinkedHashMap<>(inputs);
                in.put("structure", file);
                cases.add(new Case("input file '" + visible(f.getKey()) + "'",
                        () -> service.create(TestJobs.request("ok-name", in, resources, 100, "out"), new NullProgressMonitor()), f.getValue()));
            }

            // ---- job-type parameters that name files (NAMD's outputName)
            Map<String, String> outputNames = new LinkedHashMap<>();
            outputNames.put("o;" + pwn, "';'");
            outputNames.put("../" + token, "path separator");
            outputNames.put("o\n" + token, "a line break");
            outputNames.forEach((v, expected) -> cases.add(new Case("NAMD output name '" + visible(v) + "'",
                    () -> service.create(TestJobs.request("ok-name", inputs, resources, 100, v), new NullProgressMonitor()), expected)));

            // ---- relative paths a job type asks to write inside the job folder
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("../" + token + ".txt", "uses '..'");
            paths.put("input_files/../../" + token, "uses '..'");
            paths.put("./" + token, "uses '.'");
            paths.put("/tmp/" + token, "is absolute");
            paths.put("~/" + token, "is absolute");
            paths.put("C:\\" + token, "is absolute");
            paths.put("\\\\host\\" + token, "is absolute");
            paths.put("a//" + token, "empty part");
            paths.put("a/" + token + "/", "empty part");
            paths.put("a b/" + token, "a space");
            paths.put("x;" + pwn, "';'");
            paths.put("$HOME/" + token, "'$'");
            paths.put("x\n" + token, "a line break");
            paths.put("x\0" + token, "a NUL character");
            paths.put("x\u2215..\u2215" + token, "U+2215");
            paths.put("\uff0e\uff0e/" + token, "U+FF0E");
            paths.put("x/" + "a".repeat(1100) + token, "longer than 1024");
            paths.forEach((p, expected) -> cases.add(new Case("relative path '" + visible(p) + "'",
                    () -> service.create(ExtraFileJobType.request(TestJobs.request("ok-name", inputs, resources, 100, "out"), p),
                            new NullProgressMonitor()), expected)));

            // ---- the profile: job roots, command prefix, module lines
            Map<String, String> roots = new LinkedHashMap<>();
            roots.put("relative/" + token, "must be absolute");
            roots.put("/", "root folder");
            roots.put("/home/testuser/../../" + token, "uses '..'");
            roots.put("/home/testuser/projects;" + pwn, "';'");
            roots.put("/home/testuser/p q" + token, "a space");
            roots.put("/home/testuser/$(" + pwn + ")", "'$'");
            roots.put("/home/testuser/a\n" + token, "a line break");
            roots.put("/home/testuser/\u2215" + token, "U+2215");
            roots.forEach((root, expected) -> {
                // the refusal is about the folder as typed, and names the field so a form can point at it
                String shown = "'" + InputRules.printable(root);
                cases.add(new Case("projects root '" + visible(root) + "'", () -> withRoots(profile, root, profile.scratchRoot()), expected,
                        "projectsRoot", shown));
                cases.add(new Case("scratch root '" + visible(root) + "'", () -> withRoots(profile, profile.projectsRoot(), root), expected,
                        "scratchRoot", shown));
            });
            cases.add(new Case("command prefix with a line break", () -> withPrefix(profile, "module load slurm\n" + pwn, List.of()), "one line"));
            cases.add(new Case("command prefix with NUL", () -> withPrefix(profile, "module load slurm\0" + pwn, List.of()), "one line"));
            cases.add(new Case("module line with a line break", () -> withPrefix(profile, "", List.of("module load namd\n" + pwn)), "single line"));

            // ---- scheduler names that become sbatch options
            cases.add(new Case("partition 'debug;" + pwn + "'", () -> new Resources(1, MemorySize.parse("400MB"), Duration.ofMinutes(10),
                    "debug;" + pwn, "", "", 0, ""), "partition"));
            cases.add(new Case("QoS '$(" + pwn + ")'", () -> new Resources(1, MemorySize.parse("400MB"), Duration.ofMinutes(10), "acpu",
                    "$(" + pwn + ")", "", 0, ""), "qos"));
            cases.add(new Case("account with a line break", () -> new Resources(1, MemorySize.parse("400MB"), Duration.ofMinutes(10), "acpu",
                    "", "acct\n" + pwn, 0, ""), "account"));

            // ---- try them all
            List<String> wrong = new ArrayList<>();
            List<String> samples = new ArrayList<>();
            for (Case c : cases) {
                try {
                    c.attempt().run();
                    wrong.add(c.what() + ": ACCEPTED");
                } catch (InvalidInputException e) {
                    String m = e.getMessage();
                    if (m == null || !m.contains(c.expected())) {
                        wrong.add(c.what() + ": message does not say " + c.expected() + ": " + m);
                    } else if (c.field() != null && (!c.field().equals(e.field()) || !m.contains(c.shown()))) {
                        wrong.add(c.what() + ": the refusal is about field " + e.field() + " (expected " + c.field() + ") and should quote "
                                + visible(c.shown()) + ": " + m);
                    } else if (m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0 || m.indexOf('\0') >= 0 || m.length() > 600) {
                        wrong.add(c.what() + ": the message is not one short printable line: " + visible(m));
                    } else if (m.codePoints().anyMatch(HostileInputTest::hidesText)) {
                        wrong.add(c.what() + ": the message carries a character that hides or reorders text: " + visible(m));
                    } else if (c.expected().equals("U+202E") || c.expected().equals("a NUL character") || c.expected().equals("uses '..'")
                            || c.expected().equals("10000 characters long")) {
                        samples.add(m);
                    }
                } catch (Exception e) {
                    wrong.add(c.what() + ": refused with " + e + " instead of InvalidInputException");
                }
            }
            assertEquals(List.of(), wrong, wrong.size() + " of " + cases.size() + " hostile inputs were not refused as they should be");

            // ---- nothing created, nothing stored
            String home = h.exec("printf %s \"$HOME\"").stdout();
            // the built-in profile's roots are shared with earlier runs: what is there now and was not before
            List<String> created = new ArrayList<>(remoteFiles(h, profile));
            created.removeAll(before);
            // files an injected command would have made belong to the cluster user (this test's own local files do not)
            List<String> tokenFiles = h.exec("find " + ShellQuoting.quote(home) + " /tmp -xdev -user " + ShellQuoting.quote(profile.user())
                    + " -name " + ShellQuoting.quote("*" + token + "*") + " 2>/dev/null; true").stdout().lines().toList();
            List<Job> stored = h.store.list(JobFilter.all());
            System.out.printf("hostile inputs: %d refused with a message naming the problem (%d job names, %d input file names, "
                    + "%d NAMD output names, %d relative paths, %d profile roots, 3 prefix/module lines, 3 scheduler names); "
                    + "remote: %d files under the job roots, %d with the token; stored jobs: %d%n", cases.size(), names.size(), files.size(),
                    outputNames.size(), paths.size(), 2 * roots.size(), created.size(), tokenFiles.size(), stored.size());
            samples.stream().limit(8).forEach(m -> System.out.println("  e.g. " + visible(m, 200)));
            assertTrue(cases.size() >= 50, "at least 50 hostile inputs: " + cases.size());
            assertEquals(List.of(), created, "nothing was created under " + profile.projectsRoot() + " or " + profile.scratchRoot());
            assertEquals(List.of(), tokenFiles, "no file of the cluster user carrying the token exists in " + home + " or /tmp");
            assertEquals(List.of(), stored.stream().map(Job::name).toList(), "nothing was stored");

            // ---- the checks can see what create makes: a valid job, same way, shows up in both
            Job control = service.create(TestJobs.request("control-" + token, inputs, resources, 100, "out"), new NullProgressMonitor());
            assertTrue(remoteFiles(h, profile).stream().anyMatch(f -> f.startsWith(control.projectDir().orElseThrow())), "the control job is seen");
            assertEquals(List.of(control.id()), h.store.list(JobFilter.all()).stream().map(Job::id).toList());
            service.delete(control.id(), new NullProgressMonitor());
        }
    }

    /** Every file and folder under the profile's two roots (their absence counts as empty). */
    private static List<String> remoteFiles(Harness h, ClusterProfile profile) throws Exception {
        return h.exec("find " + ShellQuoting.quote(profile.projectsRoot()) + " " + ShellQuoting.quote(profile.scratchRoot())
                + " -mindepth 1 2>/dev/null; true").stdout().lines().filter(l -> !l.isBlank()).toList();
    }

    private static ClusterProfile withRoots(ClusterProfile p, String projects, String scratch) {
        return new ClusterProfile(p.id(), p.name(), p.host(), p.port(), p.user(), p.authMethod(), p.keyFile(), p.transferHost(),
                p.commandPrefix(), p.moduleLines(), p.partitions(), p.qos(), p.accounts(), projects, scratch, p.coresPerNode(),
                p.memoryPerNodeMb(), p.maxWalltime(), p.pollInterval());
    }

    private static ClusterProfile withPrefix(ClusterProfile p, String prefix, List<String> moduleLines) {
        return new ClusterProfile(p.id(), p.name(), p.host(), p.port(), p.user(), p.authMethod(), p.keyFile(), p.transferHost(),
                prefix, moduleLines, p.partitions(), p.qos(), p.accounts(), p.projectsRoot(), p.scratchRoot(), p.coresPerNode(),
                p.memoryPerNodeMb(), p.maxWalltime(), p.pollInterval());
    }

    /** Control, format (U+202E, U+200B, ...) and line/paragraph separator characters: shown raw they garble a message. */
    private static boolean hidesText(int cp) {
        int t = Character.getType(cp);
        return Character.isISOControl(cp) || t == Character.FORMAT || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }

    /** A value with control characters shown as escapes and long values cut, for failure messages. */
    private static String visible(String s) {
        return visible(s, 60);
    }

    private static String visible(String s, int max) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(max).forEach(cp -> {
            if (Character.isISOControl(cp) || cp > 0x7e) {
                sb.append(String.format("\\u{%04X}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return s.length() > max ? sb + "...(" + s.length() + " chars)" : sb.toString();
    }
}
