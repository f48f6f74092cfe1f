package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateStore;
import org.namdrunner.namd.internal.NamdBundle;

/**
 * The NAMD templates a person can choose from: the built-in ones, then those kept in the {@link TemplateStore}.
 * Stored templates are checked ({@link NamdTemplate#fromStored}) whenever they are read and saved.
 */
public final class NamdTemplates {

    private final Supplier<TemplateStore> store;

    /** Built-in and stored templates; {@code store} may supply null (then only the built-in ones). */
    public NamdTemplates(Supplier<TemplateStore> store) {
        this.store = store;
    }

    /** Built-in templates only. */
    public static NamdTemplates builtInOnly() {
        return new NamdTemplates(() -> null);
    }

    /** Built-in templates and those of the workbench's {@link TemplateStore} OSGi service, looked up when needed. */
    public static NamdTemplates fromServices() {
        return new NamdTemplates(NamdTemplates::service);
    }

    private static TemplateStore service() {
        return NamdBundle.templateStore();
    }

    /** Built-in templates first, then the stored NAMD templates by name; a stored template that is not valid is left out. */
    public List<NamdTemplate> all() throws StoreException {
        List<NamdTemplate> out = new ArrayList<>(BuiltInTemplates.all());
        for (StoredTemplate t : stored()) {
            if (NamdJobType.ID.equals(t.jobTypeId())) {
                try {
                    out.add(NamdTemplate.fromStored(t));
                } catch (InvalidInputException e) {
                    // shown as missing; require() names the problem when a job asks for it
                }
            }
        }
        return out;
    }

    /** The template with this id, or an error naming it. */
    public NamdTemplate require(String id) {
        for (NamdTemplate t : BuiltInTemplates.all()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        TemplateStore s = store.get();
        if (s != null) {
            try {
                Optional<StoredTemplate> found = s.findTemplate(id);
                if (found.isPresent()) {
                    try {
                        return NamdTemplate.fromStored(found.get());
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException("template", "The stored template '" + found.get().name()
                                + "' cannot be used: " + e.getMessage());
                    }
                }
            } catch (StoreException e) {
                throw new InvalidInputException("template", "The stored template '" + id + "' cannot be read: " + e.getMessage());
            }
        }
        throw new InvalidInputException("template", "There is no NAMD template '" + id + "' (it may have been deleted).");
    }

    /**
     * Checks and stores templates in one transaction: each must be a valid NAMD template, and no name may be a
     * built-in template's name; the store refuses a name another stored template has.
     */
    public void save(List<NamdTemplate> templates) throws StoreException {
        TemplateStore s = store.get();
        if (s == null) {
            throw new StoreException("Templates cannot be saved: the workbench's template store is not available.");
        }
        List<StoredTemplate> checked = new ArrayList<>();
        for (NamdTemplate t : templates) {
            StoredTemplate st = t.toStored();
            NamdTemplate.fromStored(st);
            for (NamdTemplate b : BuiltInTemplates.all()) {
                if (b.id().equals(st.id()) || b.name().toLowerCase(Locale.ROOT).equals(st.name().toLowerCase(Locale.ROOT))) {
                    throw new InvalidInputException("name", "'" + st.name() + "' (" + st.id() + ") is a built-in template; "
                            + "give the copy another id and name.");
                }
            }
            checked.add(st);
        }
        s.saveTemplates(checked);
    }

    /** Deletes a stored template; built-in ones cannot be deleted. */
    public boolean delete(String id) throws StoreException {
        if (BuiltInTemplates.all().stream().anyMatch(b -> b.id().equals(id))) {
            throw new InvalidInputException("template", "'" + id + "' is a built-in template and cannot be deleted.");
        }
        TemplateStore s = store.get();
        return s != null && s.deleteTemplate(id);
    }

    private List<StoredTemplate> stored() throws StoreException {
        TemplateStore s = store.get();
        return s == null ? List.of() : s.listTemplates();
    }
}
