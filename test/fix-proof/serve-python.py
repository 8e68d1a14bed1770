# Serves Python web apps for the fix proofs, each on its own port on 127.0.0.1 and ::1:
#   serve-python.py wsgi|asgi|django '{"module": port, ...}'
# wsgi: module.app is a WSGI app (Flask); asgi: module.app is an ASGI app (FastAPI, via uvicorn);
# django: the module is a settings module (one per process: Django's settings are global).
import importlib
import json
import socket
import sys
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

kind, ports = sys.argv[1], json.loads(sys.argv[2])


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Threaded4(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class Threaded6(Threaded4):
    address_family = socket.AF_INET6


def load(module):
    if kind == 'django':
        import os
        os.environ['DJANGO_SETTINGS_MODULE'] = module
        from django.core.wsgi import get_wsgi_application
        return get_wsgi_application()
    return importlib.import_module(module).app


def serve_wsgi():
    servers = []
    for module, port in ports.items():
        app = load(module)
        for cls, host in ((Threaded4, '127.0.0.1'), (Threaded6, '::1')):
            server = cls((host, port), Quiet)
            server.set_app(app)
            servers.append(server)
    threads = [threading.Thread(target=s.serve_forever) for s in servers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def serve_asgi():
    import asyncio
    import uvicorn

    async def main():
        runs = []
        for module, port in ports.items():
            sockets = []
            for family, host in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):
                s = socket.socket(family, socket.SOCK_STREAM)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((host, port))
                sockets.append(s)
            server = uvicorn.Server(uvicorn.Config(load(module), log_level='warning', lifespan='off'))
            # SIGTERM ends the process: one uvicorn's handler would stop only its own server.
            server.install_signal_handlers = lambda: None
            runs.append(server.serve(sockets=sockets))
        await asyncio.gather(*runs)

    asyncio.run(main())


serve_asgi() if kind == 'asgi' else serve_wsgi()
