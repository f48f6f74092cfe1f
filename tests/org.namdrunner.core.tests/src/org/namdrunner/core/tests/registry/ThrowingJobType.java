package org.namdrunner.core.tests.registry;

/** A contribution whose code fails while being created. */
public class ThrowingJobType extends GoodJobType {

    public ThrowingJobType() {
        throw new IllegalStateException("broken on purpose");
    }
}
