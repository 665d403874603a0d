import { execa } from 'execa';

/** The only addresses the harness uses: a range reserved for benchmarking (RFC 2544). */
export const SUBNET_PREFIX = '198.18.0';
export const BRIDGE_ADDRESS = `${SUBNET_PREFIX}.1`;
const FIRST_POD = 2;
const LAST_POD = 199;
const FIRST_SERVICE = 200;
const LAST_SERVICE = 254;

/**
 * Pod addresses, handed out round robin as CNI's host-local IPAM does: an address freed a moment
 * ago is not given again at once, while its old MAC may still sit in other pods' neighbour tables
 * (their packets would go to a pod that is gone until the entry expires, ~30 s).
 */
export class AddressPool {
  private readonly byKey = new Map<string, string>();
  private last = FIRST_POD - 1;

  allocate(key: string): string {
    const used = new Set(this.byKey.values());
    const size = LAST_POD - FIRST_POD + 1;
    for (let step = 1; step <= size; step += 1) {
      const n = FIRST_POD + ((this.last - FIRST_POD + step) % size);
      const address = `${SUBNET_PREFIX}.${n}`;
      if (!used.has(address)) {
        this.last = n;
        this.byKey.set(key, address);
        return address;
      }
    }
    throw new Error(`No pod address left in ${SUBNET_PREFIX}.${FIRST_POD}-${LAST_POD}`);
  }

  release(key: string): void {
    this.byKey.delete(key);
  }
}

/**
 * The pods' network: a network namespace the harness creates (`ip netns add`), holding a bridge
 * with 198.18.0.1/24. Each pod's pause container (started with `--network none`) receives one end
 * of a veth pair as its eth0, with an address of its own; the other end joins the bridge. Service
 * addresses sit on the bridge itself, where the gateway serves them. Nothing is routed outside
 * 198.18.0.0/24: a pod reaches other pods and Services, never the machine's network.
 */
export class PodNetwork {
  readonly path: string;
  private readonly pods = new AddressPool();
  private readonly serviceAddresses = new Set<string>();
  private links = 0;

  private constructor(readonly name: string) {
    this.path = `/var/run/netns/${name}`;
  }

  static async create(name: string): Promise<PodNetwork> {
    const network = new PodNetwork(name);
    await ip(['netns', 'add', name]);
    await ipBatch(name, [
      'link set lo up',
      'link add br0 type bridge',
      `addr add ${BRIDGE_ADDRESS}/24 dev br0`,
      'link set br0 up',
    ]);
    return network;
  }

  /** Gives the pod whose pause container has `pid` an address; returns it. */
  async attach(podKey: string, pid: number): Promise<{ address: string; link: string }> {
    const address = this.pods.allocate(podKey);
    this.links += 1;
    const link = `vp${this.links}`;
    await ipBatch(this.name, [
      `link add ${link} type veth peer name eth0 netns ${pid}`,
      `link set ${link} master br0 up`,
    ]);
    await execa('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', '-batch', '-'], {
      input: ['link set lo up', `addr add ${address}/24 dev eth0`, 'link set eth0 up'].join('\n'),
    });
    return { address, link };
  }

  /** Frees a pod's address and removes its veth pair (when its pause container still exists). */
  async detach(podKey: string, link: string | undefined): Promise<void> {
    this.pods.release(podKey);
    if (link) await execa('ip', ['-n', this.name, 'link', 'del', link], { reject: false });
  }

  /** A new Service address on the bridge. */
  async addServiceAddress(): Promise<string> {
    for (let i = FIRST_SERVICE; i <= LAST_SERVICE; i += 1) {
      const address = `${SUBNET_PREFIX}.${i}`;
      if (this.serviceAddresses.has(address)) continue;
      this.serviceAddresses.add(address);
      await ip(['-n', this.name, 'addr', 'add', `${address}/32`, 'dev', 'br0']);
      return address;
    }
    throw new Error(`No Service address left in ${SUBNET_PREFIX}.${FIRST_SERVICE}-${LAST_SERVICE}`);
  }

  async destroy(): Promise<void> {
    await execa('ip', ['netns', 'del', this.name], { reject: false });
  }
}

async function ip(args: string[]): Promise<void> {
  const result = await execa('ip', args, { reject: false });
  if (result.exitCode !== 0) {
    throw new Error(
      `ip ${args.join(' ')} failed: ${String(result.stderr).trim()}. The harness needs root (CAP_NET_ADMIN) and iproute2.`,
    );
  }
}

async function ipBatch(netns: string, commands: string[]): Promise<void> {
  const result = await execa('ip', ['-n', netns, '-batch', '-'], {
    input: commands.join('\n'),
    reject: false,
  });
  if (result.exitCode !== 0) {
    throw new Error(`ip -n ${netns} -batch failed: ${String(result.stderr).trim()}`);
  }
}
