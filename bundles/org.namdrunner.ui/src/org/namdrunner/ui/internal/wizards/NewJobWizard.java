package org.namdrunner.ui.internal.wizards;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.ReplicaRequest;
import org.namdrunner.ui.internal.handlers.Operations;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;

/**
 * New Job: name, type and cluster; then the chosen type's own pages (from {@code org.namdrunner.ui.jobTypePages},
 * created when the type is chosen); then resources; then a review of the generated files. Finish only on the
 * review page; it hands the upload to a background job and closes.
 */
public final class NewJobWizard extends Wizard implements INewWizard {

    public static final String TITLE = "New Job";

    private final Backend backend;
    private JobBasicsPage basics;
    private ResourcesPage resources;
    private ReviewPage review;
    private JobType pagesFor;
    private List<JobTypeWizardPage> typePages = List.of();
    private org.namdrunner.core.model.Job template;
    private org.namdrunner.core.model.Resources retryResources;
    private Map<String, Path> templateInputs = Map.of();

    /** Set when the wizard tracks the backend itself (opened from the workbench's New wizard list). */
    private BackendTracker ownTracker;

    /** For the workbench's New wizard list. */
    public NewJobWizard() {
        this(new BackendTracker());
    }

    private NewJobWizard(BackendTracker tracker) {
        this(tracker.current().orElseThrow(() -> {
            tracker.close();
            return new IllegalStateException("NAMDRunner is still starting; try again in a moment.");
        }));
        ownTracker = tracker;
    }

    public NewJobWizard(Backend backend) {
        this.backend = backend;
        setWindowTitle(TITLE);
        setDefaultPageImageDescriptor(org.eclipse.jface.resource.ImageDescriptor.createFromURL(
                NewJobWizard.class.getResource("/icons/namdrunner64.png")));
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
    }

    /**
     * Starts from an earlier job: its type, cluster and parameters, a new name, and the given resources. The
     * input files are chosen again (the workbench keeps only their names on the cluster).
     */
    public void prefillFrom(org.namdrunner.core.model.Job job, org.namdrunner.core.model.Resources resources) {
        template = job;
        retryResources = resources;
    }

    /**
     * "New job from this job": everything of {@code job} (type, cluster, parameters, resources) and the local input files
     * it was made from ({@code inputs}, by input key; a file no longer there is shown on its page).
     */
    public void prefillFrom(org.namdrunner.core.model.Job job, Map<String, Path> inputs) {
        prefillFrom(job, job.resources());
        templateInputs = Map.copyOf(inputs);
    }

    static String nextName(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*)-(\\d{1,4})").matcher(name);
        String next = m.matches() ? m.group(1) + "-" + (Integer.parseInt(m.group(2)) + 1) : name + "-2";
        return next.length() > 64 ? next.substring(next.length() - 64) : next;
    }

    @Override
    public void addPages() {
        basics = new JobBasicsPage(backend);
        resources = new ResourcesPage(basics);
        review = new ReviewPage(backend, this);
        if (template != null) {
            basics.setInitial(nextName(template.name()), template.jobTypeId(), template.clusterProfileId());
            resources.setInitial(retryResources == null ? template.resources() : retryResources);
        }
        addPage(basics);
        addPage(resources);
        addPage(review);
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        if (page == basics) {
            List<JobTypeWizardPage> own = typePages();
            return own.isEmpty() ? resources : own.get(0);
        }
        int i = typePages.indexOf(page);
        if (i >= 0) {
            return i + 1 < typePages.size() ? typePages.get(i + 1) : resources;
        }
        return page == resources ? review : null;
    }

    @Override
    public IWizardPage getPreviousPage(IWizardPage page) {
        if (page == review) {
            return resources;
        }
        if (page == resources) {
            return typePages.isEmpty() ? basics : typePages.get(typePages.size() - 1);
        }
        int i = typePages.indexOf(page);
        return i > 0 ? typePages.get(i - 1) : i == 0 ? basics : null;
    }

    /** The chosen type's pages, created the first time that type is chosen. */
    private List<JobTypeWizardPage> typePages() {
        JobType type = basics.jobType();
        if (type != null && type != pagesFor) {
            typePages.forEach(IWizardPage::dispose);
            typePages = new ArrayList<>(JobTypePages.create(Platform.getExtensionRegistry(), type));
            typePages.forEach(p -> p.setWizard(this));
            if (template != null && template.jobTypeId().equals(type.id())) {
                Map<String, String> earlier = org.namdrunner.core.lifecycle.TypeParameters.read(template.typeParameters());
                typePages.forEach(p -> p.prefill(earlier));
                typePages.forEach(p -> p.prefillInputs(templateInputs));
            } else if (!WizardMemory.template(type.id()).isEmpty()) {
                Map<String, String> last = Map.of(WizardMemory.TEMPLATE_PARAMETER, WizardMemory.template(type.id()));
                typePages.forEach(p -> p.prefill(last));
            }
            pagesFor = type;
        }
        return typePages;
    }

    @Override
    public boolean canFinish() {
        return getContainer() != null && getContainer().getCurrentPage() == review && review.isPageComplete();
    }

    @Override
    public boolean performFinish() {
        JobRequest request = request();
        org.namdrunner.core.lifecycle.ChainRequest chain = ChainRequests.of(basics.jobType(), request);
        ReplicaRequest replicas = ReplicaRequest.of(request, new SecureRandom());
        if (replicas != null) {
            Operations.createReplicas(backend, replicas, review.submitNow()).schedule();
        } else if (chain != null) {
            Operations.createChain(backend, chain, review.submitNow()).schedule();
        } else {
            Operations.create(backend, request, review.submitNow()).schedule();
        }
        WizardMemory.remember(request.profileId(), request.resources(), request.jobTypeId(),
                request.parameters().get(WizardMemory.TEMPLATE_PARAMETER));
        return true;
    }

    /**
     * What the person entered so far, as one request, with their edits of the review page; throws naming the first field
     * that is not acceptable.
     */
    JobRequest request() {
        return request(true);
    }

    /** The request without the review page's edits: what the pages alone generate. */
    JobRequest requestWithoutEdits() {
        return request(false);
    }

    private JobRequest request(boolean withEdits) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (JobTypeWizardPage p : typePages) {
            params.putAll(p.parameters());
            inputs.putAll(p.inputFiles());
        }
        if (withEdits && review != null) {
            params.putAll(review.edits());
        }
        return new JobRequest(basics.jobName(), basics.jobType().id(), basics.profile().id(), resources.resources(), params, inputs);
    }

    Backend backend() {
        return backend;
    }

    /** The pages of the chosen job type (for tests). */
    public List<JobTypeWizardPage> jobTypePages() {
        return List.copyOf(typePages);
    }

    @Override
    public void dispose() {
        typePages.forEach(IWizardPage::dispose);
        if (ownTracker != null) {
            ownTracker.close();
        }
        super.dispose();
    }
}
