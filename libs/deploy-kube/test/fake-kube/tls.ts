import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';

/** The PEM files a TLS fake API server and its kubeconfig use, all in one directory. */
export interface ClusterCertificates {
  caCert: string;
  serverKey: string;
  serverCert: string;
  clientKey: string;
  clientCert: string;
  /** Paths of the same files, for kubeconfigs that name files (as minikube's does). */
  files: { ca: string; clientCert: string; clientKey: string };
}

/**
 * A cluster CA, an API server certificate for 127.0.0.1 and a client certificate signed by the
 * CA, made with the `openssl` command (Debian's OpenSSL 3.0) the way minikube 1.34 lays out its
 * PKI (pkg/minikube/bootstrapper/certs.go: `minikubeCA` signs `apiserver.crt`, whose SANs include
 * 127.0.0.1, and the client certificate `minikube-user` in the group `system:masters`).
 * EC P-256 keys and one day of validity keep it fast; nothing leaves `dir`.
 */
export function makeClusterCertificates(dir: string, user: string): ClusterCertificates {
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const newKey = (name: string) =>
    openssl(
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      path(name),
    );
  try {
    newKey('ca.key');
    openssl(
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-subj',
      '/CN=minikubeCA',
      '-days',
      '1',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,digitalSignature',
      '-out',
      'ca.crt',
    );
    const sign = (name: string, subject: string, extensions: string) => {
      newKey(`${name}.key`);
      openssl('req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`);
      writeFileSync(path(`${name}.ext`), extensions);
      openssl(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '1',
        '-extfile',
        `${name}.ext`,
        '-out',
        `${name}.crt`,
      );
    };
    sign(
      'apiserver',
      '/CN=minikube',
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
    );
    sign('client', `/O=system:masters/CN=${user}`, 'extendedKeyUsage=clientAuth\n');
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(
      `openssl could not make the fake cluster's certificates (install Debian's openssl): ${stderr || (error as Error).message}`,
      { cause: error },
    );
  }
  const read = (name: string) => readFileSync(path(name), 'utf8');
  return {
    caCert: read('ca.crt'),
    serverKey: read('apiserver.key'),
    serverCert: read('apiserver.crt'),
    clientKey: read('client.key'),
    clientCert: read('client.crt'),
    files: { ca: path('ca.crt'), clientCert: path('client.crt'), clientKey: path('client.key') },
  };
}

/**
 * The user a request authenticated as by its client certificate, as kube-apiserver's x509
 * authenticator does (staging/src/k8s.io/apiserver/pkg/authentication/request/x509: the
 * certificate must chain to --client-ca-file; the user is the subject's CN). Undefined for a
 * plain connection or one without a verified certificate.
 */
export function certificateUser(socket: unknown): string | undefined {
  const tls = socket as Partial<TLSSocket>;
  if (!tls.encrypted || !tls.authorized || typeof tls.getPeerCertificate !== 'function')
    return undefined;
  const cn = tls.getPeerCertificate().subject?.CN;
  return Array.isArray(cn) ? cn[0] : cn;
}

/** The certificates of a fake API server started with `tls`. */
export function certificatesOf(kube: { certificates?: ClusterCertificates }): ClusterCertificates {
  if (!kube.certificates) throw new Error('This fake API server was not started with tls: true');
  return kube.certificates;
}

/**
 * One HTTPS request with the given trust and client certificate, its body sent as is (client-node
 * would drop unknown fields): the status and headers of the answer.
 */
export function tlsRequest(
  url: string,
  tls: { ca: string; cert?: string; key?: string },
  options: { method?: string; body?: unknown } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    request(
      url,
      {
        ...tls,
        method: options.method ?? 'GET',
        headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      },
    )
      .on('error', reject)
      .end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}
