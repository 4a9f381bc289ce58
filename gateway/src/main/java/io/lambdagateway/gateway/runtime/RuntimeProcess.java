package io.lambdagateway.gateway.runtime;

import java.util.OptionalLong;

/**
 * A started runtime process and how to find everything it started: its process group (when it leads
 * a session of its own, the group's id is its pid) and the marker variable its environment, and so
 * by default that of every process it starts, carries.
 *
 * @param process the runtime process itself
 * @param group its own process group, empty when it could not be given one
 * @param marker the {@code NAME=value} entry that only this environment's processes have
 */
record RuntimeProcess(Process process, OptionalLong group, String marker) {

  ProcessHandle handle() {
    return process.toHandle();
  }

  long pid() {
    return process.pid();
  }
}
