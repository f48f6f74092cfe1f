package org.namdrunner.ui.tests;

/** Declared in fragment.xml as a wizard page, but is none: the reader must log it and go on. */
public final class NotAPage {
}
