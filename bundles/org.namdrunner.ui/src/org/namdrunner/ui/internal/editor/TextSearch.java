package org.namdrunner.ui.internal.editor;

import java.util.Locale;

/** Find in the viewer's text: the next or previous match from a position, wrapping around the end. */
final class TextSearch {

    private TextSearch() {
    }

    /**
     * @param from    for forward, the first index that may start a match; for backward, a match must start before it
     * @return the start of the match, or -1 when there is none
     */
    static int find(String text, String query, int from, boolean forward, boolean matchCase) {
        if (query.isEmpty() || text.isEmpty()) {
            return -1;
        }
        String t = matchCase ? text : text.toLowerCase(Locale.ROOT);
        String q = matchCase ? query : query.toLowerCase(Locale.ROOT);
        int start = Math.max(0, Math.min(from, t.length()));
        if (forward) {
            int i = t.indexOf(q, start);
            return i >= 0 ? i : t.indexOf(q);
        }
        int i = start == 0 ? -1 : t.lastIndexOf(q, start - 1);
        return i >= 0 ? i : t.lastIndexOf(q);
    }
}
