package org.namdrunner.core.jobtype;

import java.util.function.Function;

import org.namdrunner.core.jobtype.JobType.LogSummary;

/**
 * The follower of a job type that only parses text: it keeps the log's first and last {@value #KEEP} characters and
 * hands both to the job type's {@link JobType#parseLog} (totals usually stand at the head, progress at the tail).
 */
final class TextTailFollower implements LogFollower {

    static final int KEEP = 64 * 1024;

    private final Function<String, LogSummary> parser;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();

    TextTailFollower(Function<String, LogSummary> parser) {
        this.parser = parser;
    }

    @Override
    public void lines(CharSequence text) {
        if (head.length() < KEEP) {
            int take = Math.min(text.length(), KEEP - head.length());
            head.append(text, 0, take);
            text = text.subSequence(take, text.length());
        }
        tail.append(text);
        if (tail.length() > 2 * KEEP) {
            int cut = tail.length() - KEEP;
            while (cut < tail.length() && tail.charAt(cut - 1) != '\n') {
                cut++;
            }
            tail.delete(0, cut);
        }
    }

    @Override
    public void skipped() {
        StringBuilder last = tail.length() > 0 ? tail : head;
        if (last.length() > 0 && last.charAt(last.length() - 1) != '\n') {
            last.append('\n');
        }
    }

    @Override
    public LogSummary summary() {
        return parser.apply(head.length() < KEEP ? head.toString() + tail : head + "\n" + tail);
    }
}
