package org.namdrunner.ui.internal.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;

/** A form section of "name: value" rows whose values change as the job does. */
final class Facts {

    private final Section section;
    private final Composite client;
    private final FormToolkit toolkit;
    private final Map<String, Label> values = new LinkedHashMap<>();

    Facts(FormToolkit toolkit, Composite parent, String title, String... names) {
        this.toolkit = toolkit;
        section = toolkit.createSection(parent, Section.TITLE_BAR);
        section.setText(title);
        client = toolkit.createComposite(section);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 4).margins(4, 4).applyTo(client);
        section.setClient(client);
        for (String n : names) {
            row(n);
        }
    }

    private Label row(String name) {
        Label l = toolkit.createLabel(client, name + ":");
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        Label v = toolkit.createLabel(client, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(v);
        values.put(name, v);
        return v;
    }

    void set(String name, String value) {
        Label v = values.get(name);
        if (v == null) {
            v = row(name);
        }
        v.setText(value == null || value.isEmpty() ? "—" : value);
    }

    String get(String name) {
        Label v = values.get(name);
        return v == null ? null : v.getText();
    }

    Section section() {
        return section;
    }

    void layout() {
        client.layout(true);
        section.layout(true);
    }
}
