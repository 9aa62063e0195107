"""Printable documents built from service answers: the HTML (and, through a browser engine, PDF) that the
command line writes and the web app serves. Templates and their print stylesheet live beside this module."""
