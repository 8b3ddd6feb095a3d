import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { freePort } from '../../../kb/search/free-port.js';

/** A person in the test directory. */
export interface SlapdUser {
  uid: string;
  cn: string;
  password: string;
  mail?: string;
  mobile?: string;
}

export interface Slapd {
  url: string;
  baseDn: string;
  bindDn: string;
  bindPassword: string;
  dnOf(uid: string): string;
  /** True when a simple bind as the user with that password succeeds. */
  canBind(uid: string, password: string): Promise<boolean>;
  /** Reads ppolicy's lockout mark as the manager. */
  isLocked(uid: string): Promise<boolean>;
  stop(): Promise<void>;
}

const BASE_DN = 'dc=mesa,dc=test';
const ROOT_DN = `cn=admin,${BASE_DN}`;
const ROOT_PASSWORD = 'slapd-root-secret';

/** Failed binds after which ppolicy locks an account (pwdMaxFailure). */
export const SLAPD_MAX_FAILURES = 5;

function configLdif(dir: string): string {
  return `dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: ${dir}/slapd.pid

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb
olcModuleLoad: ppolicy

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: ${BASE_DN}
olcRootDN: ${ROOT_DN}
olcRootPW: ${ROOT_PASSWORD}
olcDbDirectory: ${dir}/data
olcDbMaxSize: 16777216
olcAccess: {0}to attrs=userPassword by self write by anonymous auth by * none
olcAccess: {1}to * by * read

dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {0}ppolicy
olcPPolicyDefault: cn=default,ou=policies,${BASE_DN}
olcPPolicyHashCleartext: TRUE
olcPPolicyUseLockout: TRUE
`;
}

function dataLdif(users: SlapdUser[]): string {
  const people = users.map((user) => {
    const lines = [`dn: uid=${user.uid},ou=people,${BASE_DN}`, 'objectClass: inetOrgPerson', `uid: ${user.uid}`, `cn: ${user.cn}`, `sn: ${user.cn.split(' ').at(-1)}`, `userPassword: ${user.password}`];
    if (user.mail) lines.push(`mail: ${user.mail}`);
    if (user.mobile) lines.push(`mobile: ${user.mobile}`);
    return lines.join('\n');
  });
  return [
    `dn: ${BASE_DN}\nobjectClass: dcObject\nobjectClass: organization\ndc: mesa\no: Mesa test`,
    `dn: ou=people,${BASE_DN}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=policies,${BASE_DN}\nobjectClass: organizationalUnit\nou: policies`,
    // Locked for a day after five failures. Not duration 0: with it, slapd 2.5 once let the correct password in while
    // the lock mark was still set (a loaded full run), and the lock must hold for the whole test.
    `dn: cn=default,ou=policies,${BASE_DN}\nobjectClass: device\nobjectClass: pwdPolicy\ncn: default\npwdAttribute: userPassword\npwdMaxFailure: ${SLAPD_MAX_FAILURES}\npwdLockout: TRUE\npwdLockoutDuration: 86400\npwdFailureCountInterval: 0`,
    ...people,
  ].join('\n\n') + '\n';
}

async function bindOk(url: string, dn: string, password: string): Promise<boolean> {
  const client = new Client({ url, timeout: 5000, connectTimeout: 5000 });
  try {
    await client.bind(dn, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * A real OpenLDAP slapd (Debian's, with the ppolicy overlay) on a free loopback port, configured from a
 * temporary cn=config written with slapadd; gone, with its files, after stop().
 */
export async function startSlapd(users: SlapdUser[]): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), 'mesa-slapd-'));
  mkdirSync(join(dir, 'config'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'config.ldif'), configLdif(dir));
  writeFileSync(join(dir, 'data.ldif'), dataLdif(users));
  execFileSync('/usr/sbin/slapadd', ['-n0', '-F', join(dir, 'config'), '-l', join(dir, 'config.ldif')], { stdio: 'pipe' });
  execFileSync('/usr/sbin/slapadd', ['-F', join(dir, 'config'), '-b', BASE_DN, '-l', join(dir, 'data.ldif')], { stdio: 'pipe' });
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  // -d 0 keeps slapd in the foreground, so it is this test's child and stops with it.
  const child: ChildProcess = spawn('/usr/sbin/slapd', ['-d', '0', '-F', join(dir, 'config'), '-h', `${url}/`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await bindOk(url, ROOT_DN, ROOT_PASSWORD))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`slapd did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const dnOf = (uid: string): string => `uid=${uid},ou=people,${BASE_DN}`;
  return {
    url,
    baseDn: BASE_DN,
    bindDn: ROOT_DN,
    bindPassword: ROOT_PASSWORD,
    dnOf,
    canBind: (uid, password) => bindOk(url, dnOf(uid), password),
    async isLocked(uid) {
      const client = new Client({ url });
      try {
        await client.bind(ROOT_DN, ROOT_PASSWORD);
        const { searchEntries } = await client.search(dnOf(uid), { scope: 'base', attributes: ['pwdAccountLockedTime'] });
        // ldapts lists an attribute it was asked for as [] when the entry has none.
        const mark = searchEntries[0]?.pwdAccountLockedTime;
        return Array.isArray(mark) ? mark.length > 0 : Boolean(mark);
      } finally {
        await client.unbind();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
