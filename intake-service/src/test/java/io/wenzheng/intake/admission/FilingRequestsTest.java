package io.wenzheng.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilingRequestsTest {
    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/petitions, true",
            "POST, /api/v1/petitions/, true",
            "POST, /api/v1/hotline-calls, true",
            "POST, /channels/wechat/demo, true",
            "POST, /channels/weibo/city, true",
            "POST, /channels/alipay/life, true",
            "POST, /open311/v2/requests.json, true",
            "POST, /open311/v2/requests.xml, true",
            // reading, verifying a callback URL, or acting on a petition already filed: not a filing
            "GET, /api/v1/petitions, false",
            "GET, /channels/wechat/demo, false",
            "GET, /open311/v2/requests.json, false",
            "POST, /api/v1/petitions/P123/replies, false",
            "POST, /api/v1/petitions/possible-duplicates, false",
            "POST, /channels/wechat/demo/extra, false",
            "POST, /channels/telegram/demo, false",
            "POST, /open311/v2/tokens/abc.json, false",
            "POST, /api/v1/imports, false",
    })
    void onlyTheRequestsThatFileAPetitionAreCounted(String method, String path, boolean files) {
        assertThat(FilingRequests.files(method, path)).isEqualTo(files);
    }
}
