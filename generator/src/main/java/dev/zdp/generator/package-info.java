package dev.zdp.generator;
