package org.namdrunner.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Finds controls the way a person does, by the words next to them, and works them like a person. UI thread only. */
public final class Widgets {

    private Widgets() {
    }

    public static List<Control> all(Composite root) {
        List<Control> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            out.add(c);
            if (c instanceof Composite comp) {
                out.addAll(all(comp));
            }
        }
        return out;
    }

    public static Optional<Shell> shell(String title) {
        for (Shell s : Ui.display().getShells()) {
            if (!s.isDisposed() && s.isVisible() && title.equals(s.getText())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<Shell> shellStartingWith(String title) {
        for (Shell s : Ui.display().getShells()) {
            if (!s.isDisposed() && s.isVisible() && s.getText().startsWith(title)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A visible shell (title or not) whose text contains {@code words} somewhere in a label. */
    public static Optional<Shell> shellShowing(String words) {
        for (Shell s : Ui.display().getShells()) {
            if (!s.isDisposed() && s.isVisible() && text(s).contains(words)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Everything the labels, links and read-only texts of a composite say, one per line. */
    public static String text(Composite root) {
        StringBuilder sb = new StringBuilder();
        for (Control c : all(root)) {
            if (!c.isVisible()) {
                continue;
            }
            String t = c instanceof Label l ? l.getText() : c instanceof CLabel cl ? cl.getText() : c instanceof Link k ? k.getText()
                    : c instanceof Text x && (x.getStyle() & SWT.READ_ONLY) != 0 ? x.getText() : null;
            if (t != null && !t.isEmpty()) {
                sb.append(t).append('\n');
            }
        }
        return sb.toString();
    }

    public static Button button(Composite root, String label) {
        return find(root, Button.class, b -> label.equals(b.getText().replace("&", "")), "button '" + label + "'");
    }

    /** The control right after the label with this text (how forms are laid out). */
    public static <T extends Control> T after(Composite root, String label, Class<T> type) {
        List<Control> controls = all(root);
        for (int i = 0; i < controls.size(); i++) {
            if (controls.get(i) instanceof Label l && label.equals(l.getText())) {
                for (int j = i + 1; j < controls.size(); j++) {
                    if (type.isInstance(controls.get(j))) {
                        return type.cast(controls.get(j));
                    }
                }
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " after the label '" + label + "' in " + root);
    }

    public static <T extends Control> T find(Composite root, Class<T> type, Predicate<T> test, String what) {
        for (Control c : all(root)) {
            if (type.isInstance(c) && test.test(type.cast(c))) {
                return type.cast(c);
            }
        }
        throw new AssertionError("No " + what + " in " + root);
    }

    public static void click(Button b) {
        if (!b.isEnabled()) {
            throw new AssertionError("The button '" + b.getText() + "' is disabled");
        }
        if ((b.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            b.setSelection(!b.getSelection());
        }
        b.notifyListeners(SWT.Selection, new Event());
    }

    public static void check(Button b, boolean on) {
        if (b.getSelection() != on) {
            click(b);
        }
    }

    public static void type(Text t, String value) {
        t.setFocus();
        t.setText(value);
    }

    public static void choose(Combo c, String itemStartingWith) {
        String[] items = c.getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].startsWith(itemStartingWith)) {
                c.select(i);
                c.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new AssertionError("No item starting with '" + itemStartingWith + "' in " + List.of(items));
    }
}
