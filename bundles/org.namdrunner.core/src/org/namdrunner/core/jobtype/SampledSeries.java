package org.namdrunner.core.jobtype;

import java.util.Arrays;

/**
 * A value over simulation steps (an energy term, the temperature) kept for plotting with a bounded number of points:
 * once {@code capacity} points are held, it keeps only points at least a growing step distance apart, so that 10^6
 * steps of a run make at most {@code capacity} points spread evenly over the steps. Steps must come in ascending
 * order; an older step (a restart that went back) is dropped.
 */
public final class SampledSeries {

    private final String name;
    private final int capacity;
    private long[] steps;
    private double[] values;
    private int size;
    private long minGap;

    public SampledSeries(String name, int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("A series needs room for at least 4 points, not " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.steps = new long[Math.min(capacity, 64)];
        this.values = new double[steps.length];
    }

    public String name() {
        return name;
    }

    public void add(long step, double value) {
        if (size > 0 && (step <= steps[size - 1] || step - steps[size - 1] < minGap)) {
            return;
        }
        if (size == capacity) {
            thin();
            if (step - steps[size - 1] < minGap) {
                return;
            }
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, Math.min(capacity, size * 2));
            values = Arrays.copyOf(values, steps.length);
        }
        steps[size] = step;
        values[size] = value;
        size++;
    }

    /** Keeps points at least twice the mean distance apart (about half of them), always the first one. */
    private void thin() {
        minGap = Math.max(1, Math.max(minGap * 2, 2 * (steps[size - 1] - steps[0]) / (size - 1)));
        int kept = 1;
        for (int i = 1; i < size; i++) {
            if (steps[i] - steps[kept - 1] >= minGap) {
                steps[kept] = steps[i];
                values[kept] = values[i];
                kept++;
            }
        }
        size = kept;
    }

    public int size() {
        return size;
    }

    public double[] steps() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = steps[i];
        }
        return out;
    }

    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** The last value added, or NaN when there is none. */
    public double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    public void clear() {
        size = 0;
        minGap = 0;
    }
}
