"""The room network (issue 16): phones and ballot cards join the session over the venue's LAN.

No Qt here. :class:`~desktop_app.room.server.RoomServer` runs an aiohttp
application on its own asyncio loop in a worker thread; it never writes the
session file itself but hands every write (an operation of
:mod:`desktop_app.ops.room` with its arguments) to a *writer* that runs it on
the thread owning the file (:mod:`desktop_app.room.writer` for the command
line, ``desktop_app.ui.room`` for the GUI).
"""
