package io.rapport.core.resolve;

/**
 * The records filed under one blocking key, as record numbers ({@link ResolutionState#profileAt}), in filing
 * order. Numbers instead of profiles so that finding which records several blocks share is arithmetic on ints,
 * not a hash lookup on each member object spread over the heap.
 */
public interface RecordNumbers {

    RecordNumbers EMPTY = new RecordNumbers() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public void copyInto(int[] target, int offset) {
        }
    };

    int size();

    /** Copies the numbers into {@code target} from {@code offset} on. */
    void copyInto(int[] target, int offset);
}
