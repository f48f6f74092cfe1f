package org.namdrunner.ui.internal.editor;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.namdrunner.app.Backend;
import org.namdrunner.app.RemoteListing;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.RemoteChunk;
import org.namdrunner.ui.Problems;
import org.namdrunner.ui.internal.services.BackendTracker;

/**
 * A job's file on the cluster, read-only, as text: opens showing the file's end (one ranged read, never the whole
 * file), older parts on Load earlier or when scrolled to the top, new lines while Follow is on. Binary files are
 * refused with what they are and offered for download. Every read runs in an Eclipse job; the follow reads use an
 * open session only ({@link SessionPolicy}).
 */
public final class RemoteFileViewer extends EditorPart {

    public static final String ID = "org.namdrunner.ui.remoteFileViewer";
    static final int FOLLOW_MILLIS = 3000;

    private final TextWindow window = new TextWindow();
    private final BackgroundRead reader = new BackgroundRead();
    private BackendTracker tracker;
    private Backend backend;
    private StyledText text;
    private Label state;
    private Button earlier;
    private Button follow;
    private FindBar find;
    private int generation;
    private boolean busy;
    private String refused;

    /** Opens (or brings forward) the viewer of one file. UI thread. */
    public static void open(IWorkbenchPage page, RemoteFileInput input) throws PartInitException {
        page.openEditor(input, ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof RemoteFileInput)) {
            throw new PartInitException("The file viewer opens files of jobs only.");
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    RemoteFileInput file() {
        return (RemoteFileInput) getEditorInput();
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        state = new Label(top, SWT.WRAP);
        state.setText("Reading " + file().remotePath() + "…");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(state);
        earlier = button(top, "Load earlier", SWT.PUSH);
        earlier.setEnabled(false);
        follow = button(top, "Follow", SWT.CHECK);
        follow.setToolTipText("Add what the file gets while it grows (every few seconds, only while a session to the cluster is open)");
        Button refresh = button(top, "Refresh", SWT.PUSH);
        Button download = button(top, "Download…", SWT.PUSH);
        text = new StyledText(parent, SWT.BORDER | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        find = new FindBar(parent, text);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 400).applyTo(text);
        find.control().moveAbove(text);
        earlier.addListener(SWT.Selection, e -> loadEarlier());
        refresh.addListener(SWT.Selection, e -> openFromEnd());
        download.addListener(SWT.Selection, e -> FileDownloads.start(getSite().getShell(), backend, file().jobName(), file().profile(),
                List.of(new FileDownloads.Item(file().remotePath(), file().label()))));
        text.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'f' || e.keyCode == 'F')) {
                find.focus();
            }
        });
        text.getVerticalBar().addListener(SWT.Selection, e -> {
            if (text.getTopIndex() == 0 && window.canLoadEarlier() && !busy) {
                loadEarlier();
            }
        });
        Display display = parent.getDisplay();
        tracker = new BackendTracker();
        tracker.whenReadyOnUi(display, b -> {
            backend = b;
            openFromEnd();
        });
        display.timerExec(FOLLOW_MILLIS, new Runnable() {
            @Override
            public void run() {
                if (text.isDisposed()) {
                    return;
                }
                if (follow.getSelection() && !busy && refused == null && window.isOpen()) {
                    followOnce();
                }
                display.timerExec(FOLLOW_MILLIS, this);
            }
        });
    }

    private static Button button(Composite parent, String label, int style) {
        Button b = new Button(parent, style);
        b.setText(label);
        return b;
    }

    /** A read's outcome: the chunk, or the words for why there is none. */
    private record Read(RemoteChunk chunk, String problem) {
    }

    private interface ChunkRead {
        RemoteChunk read(ClusterConnection c, IProgressMonitor m) throws Exception;
    }

    private void start(String what, boolean userAsked, ChunkRead read, java.util.function.Consumer<Read> show) {
        if (backend == null) {
            return;
        }
        Backend b = backend;
        RemoteFileInput f = file();
        int gen = ++generation;
        busy = true;
        reader.start(what + " " + f.fileName(), text, m -> {
            try {
                Optional<ClusterConnection> c = userAsked ? Optional.of(SessionPolicy.forUser(b, f.profile())) : SessionPolicy.ifOpen(b, f.profile());
                if (c.isEmpty()) {
                    return new Read(null, "Following paused: no session to " + f.profile().name() + " is open. Refresh logs in and goes on.");
                }
                return new Read(read.read(c.get(), m), null);
            } catch (Exception e) {
                return new Read(null, Problems.of("Could not read " + f.remotePath(), e).getMessage());
            }
        }, r -> {
            if (gen == generation) {
                busy = false;
                show.accept(r);
            }
        });
    }

    private void openFromEnd() {
        Optional<String> binary = FileKinds.binaryByName(file().remotePath());
        if (binary.isPresent()) {
            refuse(binary.get());
            return;
        }
        state.setText("Reading the end of " + file().remotePath() + "…");
        start("Reading", true, (c, m) -> {
            long size = c.readRange(file().remotePath(), 0, 0, m).fileSize();
            return c.readRange(file().remotePath(), TextWindow.tailOffset(size), TextWindow.CHUNK, m);
        }, r -> {
            if (r.chunk() == null) {
                showState(r.problem());
            } else if (FileKinds.looksBinary(r.chunk().bytes())) {
                refuse("a binary file");
            } else {
                refused = null;
                text.setText(window.open(r.chunk()));
                text.setTopIndex(Math.max(0, text.getLineCount() - 1));
                showWindow();
            }
        });
    }

    private void loadEarlier() {
        if (!window.canLoadEarlier()) {
            return;
        }
        long offset = window.earlierOffset();
        int length = window.earlierLength();
        state.setText("Reading earlier lines…");
        start("Reading earlier lines of", true, (c, m) -> c.readRange(file().remotePath(), offset, length, m), r -> {
            if (r.chunk() == null) {
                showState(r.problem());
                return;
            }
            int top = text.getTopIndex();
            String before = window.prepend(r.chunk());
            int added = before.isEmpty() ? 0 : (int) before.chars().filter(ch -> ch == '\n').count();
            text.replaceTextRange(0, 0, before);
            text.setTopIndex(top + added);
            showWindow();
        });
    }

    private void followOnce() {
        long from = window.end();
        start("Following", false, (c, m) -> c.readRange(file().remotePath(), from, TextWindow.CHUNK, m), r -> {
            if (r.chunk() == null) {
                showState(r.problem());
                return;
            }
            String more = window.append(r.chunk());
            if (more == null) {
                openFromEnd(); // the file is shorter than what is shown: it was written anew
                return;
            }
            if (!more.isEmpty()) {
                boolean atEnd = text.getTopIndex() + visibleLines() >= text.getLineCount() - 1;
                text.append(more);
                if (atEnd) {
                    text.setTopIndex(Math.max(0, text.getLineCount() - 1));
                }
            }
            showWindow();
        });
    }

    private int visibleLines() {
        return Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
    }

    private void refuse(String what) {
        refused = FileKinds.refusal(file().fileName(), what);
        text.setText("");
        earlier.setEnabled(false);
        follow.setEnabled(false);
        showState(refused);
    }

    private void showWindow() {
        long held = window.end() - window.start();
        String where = window.start() == 0 ? "the whole file" : "the last " + RemoteListing.size(held);
        String more = window.behindEnd() ? "; Follow or Refresh reads the rest" : "";
        text.setData(FindBar.MORE_BEFORE, window.hasEarlier());
        earlier.setEnabled(window.canLoadEarlier());
        showState(file().remotePath() + " · " + RemoteListing.size(window.fileSize()) + " · showing " + where + more
                + (window.hasEarlier() && !window.canLoadEarlier() ? " (the viewer holds at most "
                        + RemoteListing.size(TextWindow.MAX_HELD) + "; download the file for all of it)" : ""));
    }

    private void showState(String s) {
        state.setText(s);
        state.getParent().layout(true);
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        reader.cancel();
        if (tracker != null) {
            tracker.close();
        }
        super.dispose();
    }

    // for tests
    String stateText() {
        return state.getText();
    }

    String shownText() {
        return text.getText();
    }

    boolean isBusy() {
        return busy;
    }

    TextWindow window() {
        return window;
    }

    boolean find(String q, boolean forward, boolean matchCase) {
        return find.find(q, forward, matchCase);
    }

    String findResult() {
        return find.resultText();
    }

    String selectedText() {
        return text.getSelectionText();
    }

    void setFollow(boolean on) {
        follow.setSelection(on);
    }

    void clickLoadEarlier() {
        loadEarlier();
    }
}
