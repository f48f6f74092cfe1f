package org.namdrunner.ui.tests;

import java.util.Map;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;

/** A well-formed contributed page (declared in fragment.xml next to two broken ones). */
public final class GoodTestPage extends JobTypeWizardPage {

    public GoodTestPage() {
        super("good-test-page");
    }

    @Override
    public void createControl(Composite parent) {
        setControl(new Label(parent, 0));
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }
}
