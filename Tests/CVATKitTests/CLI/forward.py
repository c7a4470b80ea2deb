"""Forwards connections to 127.0.0.1:LISTEN to 127.0.0.1:TARGET, so a command line that names
a fixed port (the README's localhost:8080) reaches a server on whatever port it got.

Usage: forward.py LISTEN TARGET   (prints "PORT LISTEN" when listening; stops when stdin closes)
"""
import asyncio
import sys


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def handle(reader, writer):
    upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", int(sys.argv[2]))
    await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer), return_exceptions=True)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[1]))
    print(f"PORT {sys.argv[1]}", flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


asyncio.run(main())
