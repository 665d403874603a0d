/**
 * Why a container cannot be created, with the reason a kubelet puts in the container's waiting
 * state (`CreateContainerConfigError`, `ErrImageNeverPull`, ...) and its message, word for word.
 */
export class ContainerConfigError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContainerConfigError';
  }
}
