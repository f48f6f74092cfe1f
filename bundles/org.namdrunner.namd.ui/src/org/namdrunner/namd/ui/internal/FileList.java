package org.namdrunner.namd.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

/** A labelled list of local files with Add… (several at once) and Remove, in a three-column grid row. */
final class FileList {

    private final org.eclipse.swt.widgets.List list;

    FileList(Composite parent, String label, String dialogTitle, List<String> extensions, Runnable changed) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(label);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        list = new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, 4 * list.getItemHeight() + 4).applyTo(list);
        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(4, 4).applyTo(buttons);
        GridDataFactory.swtDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        Button add = new Button(buttons, SWT.PUSH);
        add.setText("Add…");
        GridDataFactory.fillDefaults().applyTo(add);
        add.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(parent.getShell(), SWT.OPEN | SWT.MULTI);
            d.setText(dialogTitle);
            if (!extensions.isEmpty()) {
                d.setFilterExtensions(new String[] { String.join(";", extensions.stream().map(x -> "*." + x).toList()), "*" });
            }
            if (d.open() != null) {
                for (String name : d.getFileNames()) {
                    list.add(Path.of(d.getFilterPath(), name).toString());
                }
                changed.run();
            }
        });
        Button remove = new Button(buttons, SWT.PUSH);
        remove.setText("Remove");
        GridDataFactory.fillDefaults().applyTo(remove);
        remove.addListener(SWT.Selection, e -> {
            list.remove(list.getSelectionIndices());
            changed.run();
        });
    }

    void set(List<Path> files) {
        list.setItems(files.stream().map(Path::toString).toArray(String[]::new));
    }

    /** Adds a file (for tests and the folder import). */
    void add(Path file) {
        list.add(file.toString());
    }

    List<Path> files() {
        List<Path> out = new ArrayList<>();
        Arrays.stream(list.getItems()).forEach(s -> out.add(Path.of(s)));
        return out;
    }
}
