package io.wenzheng.devstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeChatUsersTest {

    @Test
    void oneMessageInFiftyComesFromAUserWhoWroteShortlyBeforeAndNoUserWritesMoreThanTwice() {
        long first = 1_765_000_000_000_001L;
        Map<String, Integer> messagesOfUser = new HashMap<>();
        int again = 0;
        for (long id = first; id < first + 10_000; id++) {
            String user = PetitionLoad.wechatUser(id);
            int before = messagesOfUser.merge(user, 1, Integer::sum) - 1;
            if (before > 0) {
                again++;
                assertThat(user).isEqualTo(PetitionLoad.wechatUser(id - 7));
            }
        }
        assertThat(again).isEqualTo(200);
        assertThat(messagesOfUser.values()).allMatch(n -> n <= 2);
    }
}
