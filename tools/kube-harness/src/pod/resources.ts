import type { V1ResourceRequirements } from '@kubernetes/client-node';
import { bytes, milliCpu } from '../manifests/quantity';

/**
 * `docker run` flags for a container's resources, as the kubelet sets the cgroup: the CPU limit
 * as a CFS quota (`--cpus`), the CPU request as shares (milliCPU × 1024 / 1000, at least 2), the
 * memory limit with no swap beyond it.
 */
export function resourceFlags(resources: V1ResourceRequirements | undefined): string[] {
  const flags: string[] = [];
  const limits = resources?.limits ?? {};
  const requests = resources?.requests ?? {};
  const cpuRequest = requests['cpu'] ?? limits['cpu'];
  if (cpuRequest !== undefined) {
    flags.push(
      '--cpu-shares',
      String(Math.max(2, Math.floor((milliCpu(cpuRequest) * 1024) / 1000))),
    );
  }
  if (limits['cpu'] !== undefined) flags.push('--cpus', String(milliCpu(limits['cpu']) / 1000));
  if (limits['memory'] !== undefined) {
    const memory = String(bytes(limits['memory']));
    flags.push('--memory', memory, '--memory-swap', memory);
  }
  return flags;
}
