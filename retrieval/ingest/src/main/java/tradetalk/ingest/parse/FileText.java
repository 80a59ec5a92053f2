package tradetalk.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of a file's bytes, refusing binary and empty content. */
final class FileText {

    private FileText() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The text of a file, without a byte-order mark; refuses empty files, NUL bytes and invalid UTF-8. */
    static String decode(byte[] bytes) throws MalformedArticleException {
        if (bytes.length == 0) {
            throw new MalformedArticleException("empty file");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new MalformedArticleException("not UTF-8 text (NUL byte at offset " + i + ", binary file?)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new MalformedArticleException(
                    "not UTF-8 text (invalid byte sequence at offset " + in.position() + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new MalformedArticleException("empty file (only whitespace)");
        }
        return text;
    }
}
