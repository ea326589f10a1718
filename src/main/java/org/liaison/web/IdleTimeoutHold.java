package org.liaison.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Holds off a connection's idle time-out (quarkus.http.idle-timeout) while the service itself
 * works on the request, until its answer is sent. The time-out closes a connection on which no
 * byte moves either way: right against a client that stalls, wrong while a large import is
 * written after its body has arrived (nothing moves then either, and a client whose import took
 * longer than the time-out got no answer although the import committed). Vert.x keeps the
 * time-out as a Netty handler named "idle" in the connection's pipeline; it is taken out and put
 * back, with the same time, when the answer has been sent. Where the pipeline is not the one
 * expected (another Vert.x or HTTP/2), nothing is changed.
 */
public final class IdleTimeoutHold {

    private static final Logger LOG = Logger.getLogger(IdleTimeoutHold.class);
    private static final String IDLE = "idle";
    private static final String HANDLER = "handler";

    private IdleTimeoutHold() {
    }

    /** Takes the idle time-out off this request's connection until the request's answer has been sent. */
    public static void untilAnswered(RoutingContext request) {
        if (!(request.request().connection() instanceof ConnectionBase connection)) {
            return;
        }
        Channel channel = connection.channel();
        ChannelPipeline pipeline = channel.pipeline();
        ChannelHandler idle = pipeline.get(IDLE);
        if (!(idle instanceof IdleStateHandler held) || pipeline.get(HANDLER) == null) {
            return;
        }
        long millis = held.getAllIdleTimeInMillis();
        try {
            pipeline.remove(held);
        } catch (java.util.NoSuchElementException alreadyGone) {
            return;
        }
        request.addEndHandler(done -> {
            if (channel.isActive() && pipeline.get(IDLE) == null && pipeline.get(HANDLER) != null) {
                try {
                    pipeline.addBefore(HANDLER, IDLE, new IdleStateHandler(0, 0, millis, TimeUnit.MILLISECONDS));
                } catch (RuntimeException e) { // closed meanwhile
                    LOG.debugf("The idle time-out was not put back: %s", e.getMessage());
                }
            }
        });
    }
}
