package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.Problems;

/** A person who presses Cancel in the Progress view sees no error: a cancelled split is a cancel status. */
class QuietCancellationTest {

    @Test
    void aCancelledSplitIsACancelStatusNotAnUnexpectedError() {
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        SubMonitor sub = SubMonitor.convert(monitor, 10);
        OperationCanceledException e = assertThrows(OperationCanceledException.class, () -> sub.split(5));
        IStatus s = Problems.of("Submitting job md-1", e);
        assertEquals(IStatus.CANCEL, s.getSeverity(), s.getMessage());
    }
}
