package org.namdrunner.help.internal;

import java.nio.file.Files;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.about.InstallationPage;
import org.namdrunner.core.location.DataLocations.Place;

/**
 * Help &gt; About &gt; Installation Details &gt; Data Locations: where this NAMDRunner keeps its files, and which
 * setting chose each place (docs/data-locations.md).
 */
public final class DataLocationsPage extends InstallationPage {

    private Table table;

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout());
        Label intro = new Label(area, SWT.WRAP);
        intro.setText("Where NAMDRunner keeps its files. -D options, NAMDRUNNER_HOME and HOME change them "
                + "(see the user guide, \"Where your data lives\"). Saved passwords are in secure storage, not in these files.");
        GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false);
        introData.widthHint = 600;
        intro.setLayoutData(introData);
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String title : new String[] { "What", "Where", "Set by" }) {
            new TableColumn(table, SWT.LEFT).setText(title);
        }
        // a handful of stat calls on local paths
        for (Map.Entry<String, Place> e : Places.current().entrySet()) {
            TableItem item = new TableItem(table, SWT.NONE);
            Place p = e.getValue();
            item.setText(new String[] { e.getKey(), p.path().toString(),
                    p.setBy() + (Files.exists(p.path()) ? "" : " (does not exist yet)") });
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        setControl(area);
    }

    /** Rows as "what | where | set by" (for tests). */
    public String[] rows() {
        TableItem[] items = table.getItems();
        String[] rows = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            rows[i] = items[i].getText(0) + " | " + items[i].getText(1) + " | " + items[i].getText(2);
        }
        return rows;
    }
}
