"""Parses every `az` command line of the generated scripts with the real Azure CLI.

The scripts are read as text: continuation lines are joined, every `az <group> ...` command is cut
out (up to an unquoted `;`, `|`, `&`, `)` or the end of the line), variables are replaced by sample
values, and the words are handed to the Azure CLI in this process. With no login, a command whose
arguments parse ends with the "az login" error and status 1; an argument error ends with status 2,
which fails the check.

Usage: check_az_commands.py SCRIPT...
"""

import contextlib
import io
import os
import re
import shlex
import sys
import tempfile

SAMPLE_KEY = os.path.join(tempfile.mkdtemp(prefix="regionmesh-az-"), "id_ed25519.pub")
with open(SAMPLE_KEY, "w") as key_file:
    key_file.write("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBHqQ0b3hhf8vKNmxv9rZ0example regionmesh-check\n")

# Sample values for the variables the scripts use inside az commands.
SAMPLES = {
    "SSH_PUBLIC_KEY_FILE": SAMPLE_KEY,
    "HOME": os.path.dirname(SAMPLE_KEY),
    # The arguments of the scripts' own helper functions.
    "location": "eastus",
    "size": "Standard_D4s_v5",
    "name": "sample-name",
    "vnet": "sample-vnet",
    "remote": "sample-remote-vnet",
    "1": "sample-node1",
    # The resource ID of a front end's public IP, read at run time for its Traffic Manager endpoint.
    "lb": "sample-lb",
    "nic": "sample-nic",
    "pool": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/sample/providers/Microsoft.Network/loadBalancers/sample-lb/backendAddressPools/nodes",
    "target": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/sample/providers/Microsoft.Network/publicIPAddresses/sample-lb-ip",
}


def topology_folder(path):
    """The generated topology folder a script lies in: the nearest folder above it with a plan.json."""
    folder = os.path.dirname(os.path.abspath(path))
    while folder != os.path.dirname(folder):
        if os.path.exists(os.path.join(folder, "plan.json")):
            return folder
        folder = os.path.dirname(folder)
    return os.path.dirname(os.path.abspath(path))

AZ_GROUPS = ("group", "network", "vm", "resource", "account", "acr")


def joined_lines(text):
    """The script's lines with backslash-newline continuations joined."""
    return text.replace("\\\n", " ").splitlines()


def unquoted_positions(line):
    """The indices of the characters of a line that stand outside quotes; the inside of a
    command substitution `$(...)` counts as outside, even within double quotes."""
    stack = [None]  # the quote character of each nesting level, None when unquoted
    index = 0
    while index < len(line):
        char, quote = line[index], stack[-1]
        if quote == "'":
            if char == "'":
                stack[-1] = None
        elif line.startswith("$(", index) and quote in (None, '"'):
            stack.append(None)
            index += 1
        elif quote == '"':
            if char == '"':
                stack[-1] = None
        elif char in "'\"":
            stack[-1] = char
        elif char == ")" and len(stack) > 1:
            stack.pop()
            yield index
        else:
            yield index
        index += 1


def az_commands(line):
    """Every `az ...` command outside quotes in a line, each cut at the first unquoted command
    separator or redirection."""
    outside = set(unquoted_positions(line))
    commands = []
    for match in re.finditer(r"(?:^|[\s(])(az\s+(?:%s)\b)" % "|".join(AZ_GROUPS), line):
        start = match.start(1)
        if start not in outside:
            continue
        end = next((index for index in range(start, len(line)) if index in outside and line[index] in ";|&)<>"), len(line))
        command = re.sub(r"\s\d$", "", line[start:end].rstrip())
        commands.append(command.strip())
    return commands


def substitute(command):
    """The command's words, with "$NAME", "${NAME}" and $NAME replaced by sample values; fails on
    an unknown variable."""

    def value(match):
        name = match.group(1) or match.group(2)
        if name not in SAMPLES:
            raise KeyError(name)
        return SAMPLES[name]

    return [re.sub(r"\$(?:\{(\w+)\}|(\w+))", value, word) for word in shlex.split(command)]


def main(paths):
    from azure.cli.core import get_default_cli

    seen = set()
    checked = failed = 0
    for path in paths:
        SAMPLES["TOPOLOGY_DIR"] = topology_folder(path)
        with open(path, encoding="utf-8") as script:
            lines = joined_lines(script.read())
        for line in lines:
            if line.lstrip().startswith("#"):
                continue
            for command in az_commands(line):
                try:
                    words = substitute(command)
                except KeyError as error:
                    print(f"FAIL {path}: no sample value for variable ${error.args[0]} in: {command}")
                    failed += 1
                    continue
                key = tuple(words)
                if key in seen:
                    continue
                seen.add(key)
                output = io.StringIO()
                with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                    try:
                        status = get_default_cli().invoke(words[1:])
                    except SystemExit as exit_error:
                        status = exit_error.code
                checked += 1
                if status == 2:
                    failed += 1
                    lines = output.getvalue().strip().splitlines()
                    reason = next((text for text in lines if "error" in text.lower()), "argument error")
                    print(f"FAIL {path}: {' '.join(command.split())}\n     {reason}")
    print(f"az: {checked} distinct command lines parsed by the Azure CLI, {failed} failed")
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
