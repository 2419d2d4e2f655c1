package io.wenzheng.intake.unitcommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wenzheng.contracts.MalformedEventException;
import io.wenzheng.contracts.UnitCommand;
import io.wenzheng.contracts.UnitCommandType;
import io.wenzheng.intake.casework.CaseAction;
import org.junit.jupiter.api.Test;

class UnitCommandActionsTest {
    private static final String ID = "01JDQ8Z6X0ABCDEFGHJKMNPQRS";

    @Test
    void eachCommandIsTheWorkbenchActionOfTheUnitWhoseTopicItCameOn() {
        assertThat(UnitCommandActions.of(UnitCommandType.SIGN_FOR, "A3", new UnitCommand(ID, null, null, null)))
                .isEqualTo(new CaseAction.SignFor("A3"));
        assertThat(UnitCommandActions.of(UnitCommandType.RESOLVE, "A3", new UnitCommand(ID, " 已处理 ", null, null)))
                .isEqualTo(new CaseAction.Resolve("A3", "已处理"));
        assertThat(UnitCommandActions.of(UnitCommandType.ASK_CITIZEN, "A3", new UnitCommand(ID, "几号楼？", null, null)))
                .isEqualTo(new CaseAction.AskCitizen("A3", "几号楼？"));
        assertThat(UnitCommandActions.of(UnitCommandType.REQUEST_TRANSFER, "A3", new UnitCommand(ID, null, "工地审批属住建", "A-HOUSING")))
                .isEqualTo(new CaseAction.HandBack("A3", "申请转办至 A-HOUSING: 工地审批属住建"));
    }

    @Test
    void aCommandWithoutItsTextOrWithAnUnusableIdIsMalformed() {
        assertThatThrownBy(() -> UnitCommandActions.of(UnitCommandType.RESPOND, "A3", new UnitCommand(ID, " ", null, null)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> UnitCommandActions.of(UnitCommandType.HAND_BACK, "A3", new UnitCommand(ID, "有消息", null, null)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> UnitCommandActions.commandId(null)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> UnitCommandActions.commandId("x".repeat(65))).isInstanceOf(MalformedEventException.class);
        assertThat(UnitCommandActions.commandId("a3-7731-resolve")).isEqualTo("a3-7731-resolve");
    }

    @Test
    void onlyAUnitsCommandTopicNamesAUnit() {
        assertThat(UnitCommandConsumer.unitOf("unit.commands.A-ENV")).isEqualTo("A-ENV");
        assertThat(UnitCommandConsumer.unitOf("unit.commands.dlq")).isNull();
        assertThat(UnitCommandConsumer.unitOf("unit.A3.feed")).isNull();
    }
}
