package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

class InputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "lysozyme", "run-2", "apoa1_npt.v2", "A", "x123456789" })
    void plainNamesPass(String name) {
        assertEquals(name, InputRules.checkJobName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a;rm -rf ~", "$(reboot)", "`id`", "a b", "a/b", "..", "../etc", "a\\b", "-rf",
            ".hidden", "name\nnext", "name\u0000", "lys\u043ezyme", "a|b", "a&b", "a>b", "quote'd", "dq\"", "star*",
            "tilde~", "semi;", "brace{x}", "hash#", "caf\u00e9", "\u202eevil" })
    void hostileNamesAreRefusedWithAMessage(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputRules.checkJobName(name));
        assertEquals("name", e.field());
        assertTrue(e.getMessage().startsWith("The job name"), e.getMessage());
    }

    @Test
    void tooLongNamesSayHowLong() {
        String name = "a".repeat(65);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputRules.checkJobName(name));
        assertTrue(e.getMessage().contains("65 characters"), e.getMessage());
        assertEquals(name.substring(0, 64), InputRules.checkJobName(name.substring(0, 64)));
    }

    @Test
    void messagesNameTheProblem() {
        assertTrue(message(() -> InputRules.checkJobName("a b")).contains("a space"));
        assertTrue(message(() -> InputRules.checkJobName("a\nb")).contains("\\u000a"), "control characters are shown escaped");
        assertTrue(message(() -> InputRules.checkJobName("lys\u043ezyme")).contains("U+043E"));
        assertTrue(message(() -> InputRules.checkJobName("a/b")).contains("path separator"));
        assertTrue(message(() -> InputRules.checkJobName("x;y")).contains("';'"));
        // a right-to-left override or a zero-width space shown as it is would reorder or hide the message itself
        for (String invisible : new String[] { "evil\u202egpj.exe", "a\u200bb", "a\u2028b" }) {
            String m = message(() -> InputRules.checkJobName(invisible));
            assertTrue(m.codePoints().noneMatch(cp -> cp == 0x202e || cp == 0x200b || cp == 0x2028), m);
            assertTrue(m.contains("invisible character U+"), m);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "input_files/protein.psf", "scripts/config.namd", "outputs/run1.dcd", "a+b.pdb" })
    void relativePathsInsideTheJobPass(String path) {
        assertEquals(path, InputRules.checkRelativePath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/etc/passwd", "../x", "a/../../b", "a//b", "a/", "./a", "~/x", "C:/x", "\\\\server\\x",
            "a/b c", "a/$(id)", "a\n/b", "" })
    void pathsLeavingTheJobAreRefused(String path) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputRules.checkRelativePath(path));
        assertEquals("path", e.field());
    }

    @Test
    void extensionsAreCheckedWithoutCase() {
        assertEquals("p.PSF", InputRules.checkExtension("p.PSF", List.of("psf")));
        assertEquals("p.pdb", InputRules.checkExtension("p.pdb", List.of(".psf", ".pdb")));
        String msg = message(() -> InputRules.checkExtension("p.txt", List.of("psf", "pdb")));
        assertTrue(msg.contains(".psf, .pdb"), msg);
    }

    @Test
    void jobIdsAreStrict() {
        assertEquals("job_20261129_0001", InputRules.checkJobId("job_20261129_0001"));
        assertThrows(InvalidInputException.class, () -> InputRules.checkJobId("job.1"));
        assertThrows(InvalidInputException.class, () -> InputRules.checkJobId("-x"));
        assertThrows(InvalidInputException.class, () -> InputRules.checkJobId(""));
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InvalidInputException.class, e).getMessage();
    }
}
