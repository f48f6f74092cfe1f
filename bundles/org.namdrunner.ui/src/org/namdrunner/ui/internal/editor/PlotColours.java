package org.namdrunner.ui.internal.editor;

import org.eclipse.swt.graphics.RGB;

/**
 * Line and text colours for plots on a given background: the light theme's palette on a light background, a lighter
 * one on a dark background (the dark theme's status colours), each at least 3:1 against the background (WCAG's
 * contrast for graphics).
 */
record PlotColours(RGB background, boolean dark) {

    private static final RGB[] LIGHT = { new RGB(0x1f, 0x5f, 0xb4), new RGB(0xc0, 0x39, 0x2b), new RGB(0x2e, 0x7d, 0x32) };
    private static final RGB[] DARK = { new RGB(0x7d, 0xb4, 0xff), new RGB(0xff, 0x7b, 0x72), new RGB(0x6f, 0xd3, 0x86) };

    static PlotColours on(RGB background) {
        return new PlotColours(background, luminance(background) < 0.35);
    }

    RGB line(int index) {
        RGB[] palette = dark ? DARK : LIGHT;
        return palette[index % palette.length];
    }

    /** The theme's text colour, or black/white when it is too close to the background (a theme that did not set it). */
    RGB readable(RGB foreground) {
        if (contrast(foreground, background) >= 4.5) {
            return foreground;
        }
        return dark ? new RGB(0xee, 0xee, 0xee) : new RGB(0x20, 0x20, 0x20);
    }

    static RGB mix(RGB a, RGB b, double share) {
        return new RGB((int) Math.round(a.red * share + b.red * (1 - share)), (int) Math.round(a.green * share + b.green * (1 - share)),
                (int) Math.round(a.blue * share + b.blue * (1 - share)));
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(RGB a, RGB b) {
        double la = luminance(a) + 0.05;
        double lb = luminance(b) + 0.05;
        return Math.max(la, lb) / Math.min(la, lb);
    }

    static double luminance(RGB c) {
        return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue);
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
