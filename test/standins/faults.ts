/** Fault injection shared by the stand-ins: match a request, then delay, fail, or drop it. */
import type http from 'node:http';
import { send, sleep } from './standin-http.js';

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** RegExp tested against the decoded path, or a string the path must contain (any when omitted). */
  path?: RegExp | string;
  /** Status to answer with. Omit for a pure delay (the request is then served normally). */
  status?: number;
  /** Body to answer with; objects go out as JSON, strings as text, '' as an empty body without Content-Type. A default error body of the service's shape is used when omitted. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests this fault hits before it expires (unlimited when omitted). */
  times?: number;
  /** Wait this long before answering (longer than the client's timeout = a timeout). */
  delayMs?: number;
  /** Destroy the socket without answering (ECONNRESET on the client). */
  reset?: boolean;
}

/** The JSON form accepted by the `/_standin/faults` control endpoints (`pathRegex` for a RegExp). */
export interface FaultJson extends Omit<FaultSpec, 'path'> {
  path?: string;
  pathRegex?: string;
}

export function faultFromJson(j: FaultJson): FaultSpec {
  const { pathRegex, ...rest } = j;
  return pathRegex ? { ...rest, path: new RegExp(pathRegex) } : rest;
}

interface Active {
  spec: FaultSpec;
  left: number;
}

export class FaultBook {
  private faults: Active[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, left: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  get active(): FaultSpec[] {
    return this.faults.map((f) => f.spec);
  }

  /** Finds the first live fault for this request and uses up one of its `times`. */
  take(method: string, path: string): FaultSpec | undefined {
    const hit = this.faults.find((f) => f.left > 0 && matches(f.spec, method, path));
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left <= 0) this.faults = this.faults.filter((f) => f !== hit);
    return hit.spec;
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) return false;
  if (spec.path === undefined) return true;
  return typeof spec.path === 'string' ? path.includes(spec.path) : spec.path.test(path);
}

/**
 * Applies a fault. Returns true when the request has been answered (or dropped) and the
 * caller must stop; false when it was only a delay and normal handling should go on.
 */
export async function applyFault(
  fault: FaultSpec,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  defaultBody: (status: number) => unknown,
): Promise<boolean> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.reset) {
    req.socket.destroy();
    return true;
  }
  if (fault.status === undefined) return false;
  send(res, fault.status, fault.body === undefined ? defaultBody(fault.status) : fault.body, fault.headers ?? {});
  return true;
}
