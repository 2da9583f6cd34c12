package dev.greenlight.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeAddressTest {
    @Test
    void storedIndexFollowsAppendOrder() {
        // Appending entries 0..3 creates (0,0) (0,1) (1,0) (0,2) (0,3) (1,1) (2,0).
        assertThat(new NodeAddress(0, 0).storedIndex()).isZero();
        assertThat(new NodeAddress(0, 1).storedIndex()).isEqualTo(1);
        assertThat(new NodeAddress(1, 0).storedIndex()).isEqualTo(2);
        assertThat(new NodeAddress(0, 2).storedIndex()).isEqualTo(3);
        assertThat(new NodeAddress(0, 3).storedIndex()).isEqualTo(4);
        assertThat(new NodeAddress(1, 1).storedIndex()).isEqualTo(5);
        assertThat(new NodeAddress(2, 0).storedIndex()).isEqualTo(6);
    }

    @Test
    void storedIndexRoundTripsForLargeAddresses() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            int level = random.nextInt(40);
            long index = random.nextLong(1L << (60 - level));
            NodeAddress address = new NodeAddress(level, index);
            assertThat(NodeAddress.fromStoredIndex(address.storedIndex())).isEqualTo(address);
        }
    }

    @Test
    void storedHashCountIsOnePerCompleteSubtree() {
        assertThat(NodeAddress.storedHashCount(0)).isZero();
        assertThat(NodeAddress.storedHashCount(1)).isEqualTo(1);
        assertThat(NodeAddress.storedHashCount(4)).isEqualTo(7);
        assertThat(NodeAddress.storedHashCount(5)).isEqualTo(8);
    }

    @Test
    void rejectsAddressesNoTreeCanHold() {
        assertThatThrownBy(() -> new NodeAddress(63, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeAddress(62, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeAddress(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new NodeAddress(62, 0).minimumTreeSize()).isEqualTo(1L << 62);
    }
}
