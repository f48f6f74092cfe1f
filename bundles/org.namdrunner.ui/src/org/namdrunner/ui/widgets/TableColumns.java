package org.namdrunner.ui.widgets;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;

/** Adds typed, fixed-width columns to a table viewer whose rows are all of one type. */
public final class TableColumns<T> {

    private final TableViewer viewer;
    private final Class<T> rowType;

    public TableColumns(TableViewer viewer, Class<T> rowType) {
        this.viewer = viewer;
        this.rowType = rowType;
    }

    public TableViewerColumn add(String title, int width, Function<T, String> text) {
        return add(title, width, SWT.LEFT, text, null);
    }

    public TableViewerColumn add(String title, int width, int alignment, Function<T, String> text, Function<T, Image> image) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rowType.cast(element));
            }

            @Override
            public Image getImage(Object element) {
                return image == null ? null : image.apply(rowType.cast(element));
            }
        });
        return column;
    }
}
