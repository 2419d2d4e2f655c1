package io.wenzheng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against a stub of intake's import API that answers each part as a finished job rejecting its first line. */
class HistoryUploadTest {

    @Test
    void aFileOverTheRequestLimitGoesInPartsOfWholeLinesAndReportsAsOne() throws IOException {
        List<String> parts = new ArrayList<>();
        HttpServer intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        intake.createContext("/api/v1/admin/imports", exchange -> {
            String part = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            parts.add(part);
            int lines = (int) part.lines().count() - 1;
            byte[] job = ("{\"id\":\"J" + parts.size() + "\",\"status\":\"DONE\",\"total\":" + lines + ",\"accepted\":" + (lines - 1)
                    + ",\"rejected\":1,\"duplicates\":0,\"imported\":" + (lines - 1) + ",\"percent\":100.0,"
                    + "\"rejections\":[{\"line\":2,\"reason\":\"bad\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, job.length);
            exchange.getResponseBody().write(job);
            exchange.close();
        });
        intake.start();
        try {
            StringBuilder file = new StringBuilder("time\tbody\n");
            int rows = 3000;
            for (int i = 0; i < rows; i++) {
                file.append("2019-04-25 09:32:09\t").append("小区路灯不亮，晚上出行很不方便。".repeat(20)).append(i).append('\n');
            }
            var upload = new HistoryUpload("http://127.0.0.1:" + intake.getAddress().getPort(), () -> "token");
            var done = upload.importFile(file.toString(), Duration.ofSeconds(10), p -> { });
            assertThat(parts).hasSizeGreaterThan(1);
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);
                assertThat(p).startsWith("time\tbody\n");
            });
            assertThat(parts.stream().mapToLong(p -> p.lines().count() - 1).sum()).isEqualTo(rows);
            assertThat(done.total()).isEqualTo(rows);
            assertThat(done.imported()).isEqualTo(rows - parts.size());
            assertThat(done.rejected()).isEqualTo(parts.size());
            // Each part's first line, named by its line in the whole file.
            long firstOfSecond = parts.get(0).lines().count() + 1;
            assertThat(done.rejections().get(0).path("line").asInt()).isEqualTo(2);
            assertThat(done.rejections().get(1).path("line").asLong()).isEqualTo(firstOfSecond);
            assertThat(done.jobId()).startsWith("J1,J2");
        } finally {
            intake.stop(0);
        }
    }
}
