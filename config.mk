# Written by ./configure on 2026-11-24. Edit or re-run configure.
CXX := g++
PYTHON := /root/.pyenv/shims/python3
GRUB_MKRESCUE := grub-mkrescue
QEMU := qemu-system-x86_64
OVMF_CODE := /usr/share/OVMF/OVMF_CODE.fd
OVMF_VARS := /usr/share/OVMF/OVMF_VARS.fd
CATCH2_INCLUDE := /usr/include/catch2
CONSOLE_FONT := /usr/share/consolefonts/Lat15-Terminus16.psf.gz
