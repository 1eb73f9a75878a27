package io.rapport.core.resolve;

import java.util.Arrays;

/** A growable list of record numbers in insertion order: one block of {@link InMemoryResolutionState}. */
final class RecordNumberList implements RecordNumbers {

    private int[] numbers = new int[2];
    private int size;

    void add(int number) {
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        numbers[size++] = number;
    }

    /** Removes the number (if listed), keeping the others' order. */
    void remove(int number) {
        for (int i = 0; i < size; i++) {
            if (numbers[i] == number) {
                System.arraycopy(numbers, i + 1, numbers, i, size - i - 1);
                size--;
                return;
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void copyInto(int[] target, int offset) {
        System.arraycopy(numbers, 0, target, offset, size);
    }
}
