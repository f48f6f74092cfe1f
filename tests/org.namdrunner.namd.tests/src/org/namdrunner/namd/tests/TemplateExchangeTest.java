package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateStore;
import org.namdrunner.core.store.TemplateVariable;
import org.namdrunner.namd.BuiltInTemplates;
import org.namdrunner.namd.NamdTemplate;
import org.namdrunner.namd.NamdTemplates;
import org.namdrunner.namd.TemplateExchange;

/**
 * Stored templates seen from the NAMD type: checks on the way in, the export file, import all-or-nothing. The store
 * here is a map: the SQLite store itself is tested in persistence.tests (TemplateStoreTest); this class tests what the
 * NAMD bundle decides before a template reaches any store.
 */
class TemplateExchangeTest {

    /** An in-memory TemplateStore: keeps what it is given, like the SQLite one, minus the file. */
    static final class MapStore implements TemplateStore {
        final Map<String, StoredTemplate> map = new LinkedHashMap<>();
        int saves;

        @Override
        public List<StoredTemplate> listTemplates() {
            return new ArrayList<>(map.values());
        }

        @Override
        public Optional<StoredTemplate> findTemplate(String id) {
            return Optional.ofNullable(map.get(id));
        }

        @Override
        public void saveTemplates(List<StoredTemplate> templates) throws StoreException {
            saves++;
            templates.forEach(t -> map.put(t.id(), t));
        }

        @Override
        public boolean deleteTemplate(String id) {
            return map.remove(id) != null;
        }
    }

    private static NamdTemplate custom(String id, String name) {
        return new NamdTemplate(id, name, "a copy", "structure {{structure}}\ntemperature {{temp}}\nextraBondsFile {{pins}}\n"
                + "binaryOutput {{binary}}\nrun {{steps}}\noutputName {{out}}\n", List.of(
                        new NamdTemplate.Variable("temp", "temperature (K)", NamdTemplate.Kind.NUMBER, 0, 1000, "310"),
                        new NamdTemplate.Variable("pins", "pins file", NamdTemplate.Kind.FILE, 0, 0, "", List.of("txt")),
                        new NamdTemplate.Variable("binary", "binary output", NamdTemplate.Kind.BOOLEAN, 0, 0, "yes"),
                        new NamdTemplate.Variable("steps", "steps", NamdTemplate.Kind.INTEGER, 1, 1e9, "1000"),
                        new NamdTemplate.Variable("out", "output name", NamdTemplate.Kind.NAME, 0, 0, "run")), false);
    }

    @Test
    void bothBuiltInTemplatesExistAndRenderWithoutPlaceholders() {
        List<String> ids = BuiltInTemplates.all().stream().map(NamdTemplate::id).toList();
        assertEquals(List.of("vacuum-min-run", "vacuum-restrained", "solvent-npt-pme"), ids);
        NamdTemplate npt = BuiltInTemplates.explicitSolventNpt();
        Map<String, String> values = new LinkedHashMap<>(npt.values(Map.of("cellX", "80")));
        values.put("structure", "input_files/a.psf");
        values.put("coordinates", "input_files/a.pdb");
        values.put("parameters", "input_files/a.prm");
        String config = org.namdrunner.namd.TemplateRenderer.render(npt.text(), values);
        assertTrue(config.contains("PME                yes") && config.contains("cellBasisVector1   80 0 0"), config);
        assertTrue(config.contains("langevinPistonTarget  1.01325"), config);
        assertFalse(config.contains("{{"));
        assertTrue(BuiltInTemplates.vacuumRestrained().placeholders().contains("restraints"));
        assertTrue(BuiltInTemplates.vacuumRestrained().text().contains("extraBonds         on"));
    }

    @Test
    void exportThenImportGivesTheSameTemplates() throws Exception {
        NamdTemplate t = custom("my-pins", "My pinned run");
        String file = TemplateExchange.write(List.of(t));
        assertTrue(file.contains("\"format\": \"namdrunner-templates\"") && file.contains("\"type\": \"file\""), file);
        assertEquals(List.of(t), TemplateExchange.read(file));

        MapStore store = new MapStore();
        NamdTemplates catalog = new NamdTemplates(() -> store);
        assertEquals(List.of(t), TemplateExchange.importInto(file, catalog));
        assertEquals(t, catalog.require("my-pins"));
        assertEquals(BuiltInTemplates.all().size() + 1, catalog.all().size());
        assertEquals("input_files/pin.txt", t.values(Map.of("pins", "pin.txt")).get("pins"), "a file value is a job input");
        assertEquals("pins", assertThrows(InvalidInputException.class, () -> t.values(Map.of("pins", "pin.pdb"))).field());
    }

    @Test
    void importingAgainOrOverABuiltInIsRefusedAndNothingIsStored() throws Exception {
        MapStore store = new MapStore();
        NamdTemplates catalog = new NamdTemplates(() -> store);
        String file = TemplateExchange.write(List.of(custom("a", "First"), custom("b", "Second")));
        TemplateExchange.importInto(file, catalog);
        int saves = store.saves;
        String clash = TemplateExchange.write(List.of(custom("c", "Third"), custom("d", "second")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TemplateExchange.importInto(clash, catalog));
        assertTrue(e.getMessage().contains("clashes with the stored template 'Second'") && e.getMessage().contains("nothing was imported"),
                e.getMessage());
        assertEquals(saves, store.saves, "nothing was saved, not even 'Third'");
        String builtIn = TemplateExchange.write(List.of(custom("vacuum-min-run", "Mine")));
        assertTrue(assertThrows(InvalidInputException.class, () -> TemplateExchange.importInto(builtIn, catalog)).getMessage()
                .contains("built-in"));
        assertThrows(InvalidInputException.class, () -> catalog.delete("vacuum-min-run"));
        assertEquals(2, store.map.size());
    }

    @Test
    void badFilesAreRefusedWithTheirProblemNamed() {
        String ok = TemplateExchange.write(List.of(custom("a", "First")));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(ok.replace("\"type\": \"number\"", "\"type\": \"vector\""), "unknown type 'vector'");
        cases.put(ok.replace("temperature {{temp}}", "temperature {{temp}} {{pressure}}"), "{{pressure}} without declaring it");
        cases.put(ok.replace("\"templates\": [", "\"templates\": [" + ok.substring(ok.indexOf("{\n      \"id\""),
                ok.lastIndexOf("]")).strip() + ","), "appears twice");
        cases.put(ok.replace("namdrunner-templates", "something-else"), "not a NAMDRunner template file");
        cases.put(ok.replace("\"version\": 1", "\"version\": 7"), "version");
        cases.put(ok.replace("\"default\": \"310\"", "\"default\": \"5000\""), "default of variable 'temp'");
        cases.put(ok.replace("\"jobType\": \"namd\"", "\"jobType\": \"gromacs\""), "not NAMD");
        cases.put(ok.replace("{{steps}}", "{{ steps-x }}"), "malformed placeholder");
        cases.put(ok.replace("\"extensions\": [\n            \"txt\"\n          ]", "\"extensions\": []"), "no allowed extensions");
        cases.put(ok.replace("\"extensions\": [\n            \"txt\"\n          ]", "\"extensions\": [ {} ]"), "must be words");
        cases.put(ok.replace("\"min\": 0.0,", ""), "needs a 'min' and a 'max'");
        cases.put("{\"format\": ", "not valid JSON");
        cases.put("", "empty");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertFalse(c.getKey().equals(ok), "the case for '" + c.getValue() + "' must change the file");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> TemplateExchange.read(c.getKey()), c.getValue());
            assertTrue(e.getMessage().contains(c.getValue()), "expected '" + c.getValue() + "' in: " + e.getMessage());
        }
    }

    @Test
    void aStoredTemplateOfAnotherTypeOrWithAnUndeclaredPlaceholderIsNotUsable() {
        StoredTemplate undeclared = new StoredTemplate("u", "U", "namd", "", "run {{steps}}", List.of());
        assertTrue(assertThrows(InvalidInputException.class, () -> NamdTemplate.fromStored(undeclared)).getMessage()
                .contains("{{steps}}"));
        StoredTemplate shadow = new StoredTemplate("s", "S", "namd", "", "structure {{structure}}",
                List.of(new TemplateVariable("structure", "", "text", 0, 0, "", List.of())));
        assertTrue(assertThrows(InvalidInputException.class, () -> NamdTemplate.fromStored(shadow)).getMessage()
                .contains("name of an input file"));
        MapStore store = new MapStore();
        store.map.put("u", undeclared);
        NamdTemplates catalog = new NamdTemplates(() -> store);
        assertEquals("template", assertThrows(InvalidInputException.class, () -> catalog.require("u")).field());
        assertTrue(assertThrows(InvalidInputException.class, () -> catalog.require("gone")).getMessage().contains("no NAMD template 'gone'"));
    }
}
