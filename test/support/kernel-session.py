"""Drives one annlab kernel through Jupyter's own client library, as a front end does.

    python3 kernel-session.py STEPS.json  ->  prints {"steps": [...], "stderr": "..."} as JSON

STEPS is a list of steps, each one of:
  {"execute": "code", "timeout": 60}   run a cell; its outputs, its reply status (or "died", "timeout")
  {"comm_open": "jupyter.widget"}      what the classic Notebook's widget manager sends after a restart
  {"restart": true}                    restart the kernel (the way Jupyter does, after a death too)
  {"wait_dead": 30}                    wait until the kernel process has ended
  {"sleep": 1.5}                       let timers of earlier cells fire
The kernel's stderr (the server's terminal) is returned too. Used by test/project/quiet-kernel.test.ts.
"""
import json
import queue
import sys
import tempfile
import time

from jupyter_client import KernelManager


def collect(kc, msg_id, timeout, km=None):
    """The outputs published for one request, until the kernel is idle again (or has died)."""
    outputs = []
    deadline = time.time() + timeout
    while True:
        left = deadline - time.time()
        if left <= 0:
            return outputs, False
        try:
            msg = kc.get_iopub_msg(timeout=min(left, 1.0))
        except queue.Empty:
            if km is not None and not km.is_alive():
                return outputs, False
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            return outputs, True
        if kind == "stream":
            outputs.append({"type": "stream", "name": content["name"], "text": content["text"]})
        elif kind == "error":
            outputs.append({"type": "error", "text": content["ename"] + ": " + content["evalue"]})
        elif kind in ("display_data", "execute_result"):
            outputs.append({"type": kind, "text": content["data"].get("text/plain", "")})
        elif kind in ("comm_close", "comm_msg", "comm_open"):
            outputs.append({"type": kind, "text": json.dumps(content)})


def reply_status(kc, msg_id, timeout):
    """The status of the shell reply to `msg_id` (other replies are skipped)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        except queue.Empty:
            break
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"].get("status", "?")
    return "no reply"


def client(km):
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return kc


def main():
    steps = json.load(open(sys.argv[1]))
    log = tempfile.TemporaryFile(mode="w+")
    km = KernelManager(kernel_name="annlab")
    km.start_kernel(stderr=log)
    kc = client(km)
    results = []
    try:
        for step in steps:
            if "execute" in step:
                timeout = step.get("timeout", 60)
                msg_id = kc.execute(step["execute"])
                outputs, idle = collect(kc, msg_id, timeout, km)
                status = "timeout"
                if idle:
                    status = reply_status(kc, msg_id, timeout)
                elif not km.is_alive():
                    status = "died"
                results.append({"status": status, "outputs": outputs})
            elif "comm_open" in step:
                msg = kc.session.msg("comm_open", {"comm_id": "c0ffee", "target_name": step["comm_open"], "data": {}})
                kc.shell_channel.send(msg)
                outputs, idle = collect(kc, msg["header"]["msg_id"], 30)
                results.append({"status": "idle" if idle else "timeout", "outputs": outputs})
            elif "restart" in step:
                kc.stop_channels()
                km.restart_kernel(now=not km.is_alive())
                kc = client(km)
                results.append({"status": "restarted"})
            elif "wait_dead" in step:
                deadline = time.time() + step["wait_dead"]
                while km.is_alive() and time.time() < deadline:
                    time.sleep(0.2)
                results.append({"status": "alive" if km.is_alive() else "dead"})
            elif "sleep" in step:
                time.sleep(step["sleep"])
                results.append({"status": "slept"})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        log.seek(0)
        print(json.dumps({"steps": results, "stderr": log.read()}))


if __name__ == "__main__":
    main()
