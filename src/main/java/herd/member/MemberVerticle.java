package herd.member;

import herd.config.ConfigSource;
import herd.config.MemberConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Consumer;

/** Runs one {@link Member} on its own event loop, for as long as the verticle is deployed. */
public final class MemberVerticle extends VerticleBase {

    private final MemberConfig config;
    private final ConfigSource source;
    private final Secrets secrets;
    private Member member;

    public MemberVerticle(MemberConfig config, ConfigSource source, Secrets secrets) {
        this.config = config;
        this.source = source;
        this.secrets = secrets;
    }

    @Override
    public Future<?> start() {
        return Member.start(vertx, config, source, secrets).onSuccess(started -> member = started);
    }

    @Override
    public Future<?> stop() {
        return member == null ? Future.succeededFuture() : member.stop();
    }

    /** Hands an edited configuration to the member, on its own event loop. */
    public void reconfigure(MemberConfig next, String source) {
        context.runOnContext(v -> {
            if (member != null) {
                member.reconfigure(next, source);
            }
        });
    }

    /** Runs an action on the member's event loop, where its state may be changed. */
    public void onLoop(Consumer<Member> action) {
        context.runOnContext(v -> action.accept(member));
    }

    /** The running member; null until the verticle has started. */
    public Member member() {
        return member;
    }
}
