package org.namdrunner.ui.internal.editor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Find next / previous (Enter / Shift+Enter) with Match case, over the text a viewer shows. */
final class FindBar {

    private final StyledText target;
    private final Text query;
    private final Button matchCase;
    private final Label result;
    private final Composite bar;

    FindBar(Composite parent, StyledText target) {
        this.target = target;
        bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("Find:");
        query = new Text(bar, SWT.BORDER | SWT.SEARCH);
        query.setMessage("text in the file");
        GridDataFactory.swtDefaults().hint(260, SWT.DEFAULT).applyTo(query);
        Button next = new Button(bar, SWT.PUSH);
        next.setText("Next");
        Button previous = new Button(bar, SWT.PUSH);
        previous.setText("Previous");
        matchCase = new Button(bar, SWT.CHECK);
        matchCase.setText("Match case");
        result = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(result);
        next.addListener(SWT.Selection, e -> find(true));
        previous.addListener(SWT.Selection, e -> find(false));
        query.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                e.doit = false;
                find((e.stateMask & SWT.SHIFT) == 0);
            }
        });
    }

    Composite control() {
        return bar;
    }

    void focus() {
        query.setFocus();
        query.selectAll();
    }

    /** Selects the next (or previous) match from the selection and shows it; true when there was one. */
    boolean find(String text, boolean forward, boolean caseSensitive) {
        query.setText(text);
        matchCase.setSelection(caseSensitive);
        return find(forward);
    }

    private boolean find(boolean forward) {
        String q = query.getText();
        if (q.isEmpty()) {
            result.setText("");
            return false;
        }
        var sel = target.getSelection();
        int from = forward ? (sel.y > sel.x ? sel.x + 1 : sel.x) : sel.x;
        int at = TextSearch.find(target.getText(), q, from, forward, matchCase.getSelection());
        if (at < 0) {
            result.setText("Not found in the part shown" + (target.getData(MORE_BEFORE) == Boolean.TRUE ? " (Load earlier for more)" : "") + ".");
            result.getParent().layout();
            return false;
        }
        target.setSelection(at, at + q.length());
        target.showSelection();
        int line = target.getLineAtOffset(at);
        result.setText("Line " + (line + 1) + " of the part shown.");
        result.getParent().layout();
        return true;
    }

    String resultText() {
        return result.getText();
    }

    /** Set on the target to Boolean.TRUE while the file has more before the part shown. */
    static final String MORE_BEFORE = "namdrunner.moreBefore";
}
