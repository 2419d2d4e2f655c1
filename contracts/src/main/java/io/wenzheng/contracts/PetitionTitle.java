package io.wenzheng.contracts;

/** What people call a petition in a list: its subject, or the first words of its text when it has none (hotline calls). */
public final class PetitionTitle {
    /** Characters of the text that stand for a petition without a subject. */
    public static final int FIRST_WORDS = 24;

    private PetitionTitle() {
    }

    public static String of(String subject, String text) {
        if (subject != null && !subject.isBlank()) {
            return subject.strip();
        }
        String words = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return words.codePointCount(0, words.length()) <= FIRST_WORDS ? words
                : words.substring(0, words.offsetByCodePoints(0, FIRST_WORDS)) + "…";
    }
}
