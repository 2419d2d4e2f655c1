package io.wenzheng.intake.petition;

/**
 * Text as citizens' channels may send it, made safe to store: control characters other than tab and line breaks
 * are dropped. PostgreSQL refuses NUL in text, and none of them means anything in a petition.
 */
public final class PlainText {
    private PlainText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
