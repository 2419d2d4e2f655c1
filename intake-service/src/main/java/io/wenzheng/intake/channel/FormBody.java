package io.wenzheng.intake.channel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@code application/x-www-form-urlencoded} body decoded by hand: values in the charset the caller says (Alipay
 * names it inside the form), and a malformed escape kept as it is instead of failing the whole request.
 */
public final class FormBody {
    private FormBody() {
    }

    /**
     * @param charsetOf picks the charset from the raw fields (for example from a {@code charset} field)
     */
    public static Map<String, String> parse(byte[] body, Function<Map<String, byte[]>, Charset> charsetOf) {
        Map<String, byte[]> raw = new HashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int eq = start;
                    while (eq < i && body[eq] != '=') {
                        eq++;
                    }
                    String key = new String(percentDecode(body, start, eq), StandardCharsets.UTF_8);
                    raw.putIfAbsent(key, eq < i ? percentDecode(body, eq + 1, i) : new byte[0]);
                }
                start = i + 1;
            }
        }
        Charset charset = charsetOf.apply(raw);
        Map<String, String> form = new HashMap<>();
        raw.forEach((k, v) -> form.put(k, new String(v, charset)));
        return form;
    }

    public static Map<String, String> parseUtf8(byte[] body) {
        return parse(body, raw -> StandardCharsets.UTF_8);
    }

    private static byte[] percentDecode(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < to && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
                out.write(hex(b[i + 1]) * 16 + hex(b[i + 2]));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
