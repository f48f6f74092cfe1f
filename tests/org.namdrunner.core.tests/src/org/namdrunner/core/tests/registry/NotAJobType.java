package org.namdrunner.core.tests.registry;

/** Declared as a job type but is not one. */
public class NotAJobType {
}
