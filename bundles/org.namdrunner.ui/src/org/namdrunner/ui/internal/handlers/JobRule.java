package org.namdrunner.ui.internal.handlers;

import java.util.Collection;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.MultiRule;

/** Operations on the same job run one after the other (a delete never races a submit of the same job). */
record JobRule(String jobId) implements ISchedulingRule {

    static ISchedulingRule of(Collection<String> jobIds) {
        ISchedulingRule rule = null;
        for (String id : jobIds) {
            rule = MultiRule.combine(rule, new JobRule(id));
        }
        return rule;
    }

    @Override
    public boolean contains(ISchedulingRule rule) {
        return rule == this || equals(rule);
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return equals(rule);
    }
}
