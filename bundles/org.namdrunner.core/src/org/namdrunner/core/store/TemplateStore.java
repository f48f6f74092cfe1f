package org.namdrunner.core.store;

import java.util.List;
import java.util.Optional;

/**
 * The config templates a person added, edited or imported (table {@code job_templates}). Built-in templates
 * belong to their job type and are not stored here. Names are unique, case ignored.
 */
public interface TemplateStore {

    /** Every stored template, by name. */
    List<StoredTemplate> listTemplates() throws StoreException;

    Optional<StoredTemplate> findTemplate(String id) throws StoreException;

    /**
     * Inserts or replaces (by id) the templates in ONE transaction: if one of them cannot be stored (e.g. its
     * name is taken by another template) none is.
     *
     * @throws StoreException naming the template and the problem
     */
    void saveTemplates(List<StoredTemplate> templates) throws StoreException;

    /** Removes a template; false if there was none. Jobs created from it keep their rendered files. */
    boolean deleteTemplate(String id) throws StoreException;
}
